using Court.Application.Common;
using Court.Application.Workflows;
using Court.Infrastructure.Workflows;

namespace Court.Application.Tests.Workflows;

/// <summary>Every refusal rule has a file in BrokenWorkflows/; each must be refused with exactly its problem.</summary>
public sealed class WorkflowDefinitionTests
{
    private static readonly WorkflowValidationContext Context = new(
        new HashSet<string>(StringComparer.Ordinal) { "enough-sign-offs", "more-sign-offs-needed" },
        new HashSet<string>(StringComparer.Ordinal) { "EscalateReview" });

    private static readonly string Broken = WorkflowHost.OutputFolder("Workflows/BrokenWorkflows");

    public static TheoryData<string, string, string> BrokenDefinitions => new()
    {
        { "unknown-to-state.v1.json", "$.transitions[1].to", "Transition 'DeferItem' goes to the unknown state 'Nowhere'." },
        { "unknown-from-state.v1.json", "$.transitions[1].from", "Transition 'ReviveItem' starts from the unknown state 'Limbo'." },
        { "unreachable-state.v1.json", "$.states.Orphan", "State 'Orphan' cannot be reached from the initial state 'Open'." },
        { "dead-end-state.v1.json", "$.states.Parked", "State 'Parked' is not final but no transition leads out of it." },
        { "same-trigger-without-guards.v1.json", "$.transitions[1]", "Trigger 'CloseItem' from state 'Open' is also defined at $.transitions[0]; transitions sharing a trigger and a state need distinct guards." },
        { "same-trigger-same-guard.v1.json", "$.transitions[1]", "Trigger 'CloseItem' from state 'Open' is also defined at $.transitions[0]; transitions sharing a trigger and a state need distinct guards." },
        { "trigger-without-role.v1.json", "$.transitions[0].roles", "Trigger 'CloseItem' from state 'Open' names no role that may fire it." },
        { "deadline-without-expiry-trigger.v1.json", "$.states.Open.deadline", "State 'Open' has a deadline but no expiry trigger (onExpiry) to fire when it passes." },
        { "unregistered-guard.v1.json", "$.transitions[0].guard", "Guard 'moon-is-full' of trigger 'CloseItem' is not registered by any code (registered: enough-sign-offs, more-sign-offs-needed)." },
        { "expiry-trigger-without-transition.v1.json", "$.states.Open.deadline.onExpiry", "Expiry trigger 'EscalateReview' of state 'Open' has no transition from that state." },
        { "expiry-trigger-without-system-role.v1.json", "$.transitions[1].roles", "Trigger 'EscalateReview' fires when the deadline of state 'Open' passes, so its roles must include 'system' (the timer acts as it)." },
        { "unknown-role.v1.json", "$.transitions[0].roles[0]", "Role 'janitor' of trigger 'CloseItem' is not a known role (known: " + string.Join(", ", Roles.All.Append(Roles.System).Order(StringComparer.Ordinal)) + ")." },
        { "transition-out-of-final-state.v1.json", "$.transitions[1].from", "Transition 'ReopenItem' leaves the final state 'Done'; a final state has no way out." },
        { "misnamed-file.v1.json", "$.id", "The file of workflow 'misnamed' version 1 must be named misnamed.v1.json." },
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void A_broken_definition_is_refused_naming_file_path_and_problem(string file, string path, string message)
    {
        var schema = JsonWorkflowDefinitionLoader.LoadSchema(Path.Combine(Broken, "..", "..", "workflows", JsonWorkflowDefinitionLoader.SchemaFileName));
        var (_, problems) = JsonWorkflowDefinitionLoader.LoadFile(schema, Path.Combine(Broken, file), Context);
        var problem = Assert.Single(problems);
        Assert.Equal(file, problem.File);
        Assert.Equal(path, problem.JsonPath);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void A_definition_the_schema_refuses_is_reported_at_the_failing_path()
    {
        var schema = JsonWorkflowDefinitionLoader.LoadSchema(Path.Combine(WorkflowHost.OutputFolder("workflows"), JsonWorkflowDefinitionLoader.SchemaFileName));
        var (definition, problems) = JsonWorkflowDefinitionLoader.LoadFile(schema, Path.Combine(Broken, "schema-violation.v1.json"), Context);
        Assert.Null(definition);
        var problem = Assert.Single(problems);
        Assert.Equal("$.states.Open.title", problem.JsonPath);
        Assert.Contains("en", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("(schema: required).", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_broken_definitions_is_refused_whole_listing_every_problem()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        foreach (var file in Directory.EnumerateFiles(Broken, "*.json"))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        var ex = Assert.Throws<InvalidWorkflowDefinitionException>(() => new JsonWorkflowDefinitionLoader(folder.Path).LoadAll(Context));
        Assert.Equal(BrokenDefinitions.Count + 1, ex.Problems.Count);
        Assert.Contains("unknown-to-state.v1.json: $.transitions[1].to: Transition 'DeferItem' goes to the unknown state 'Nowhere'.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Problems, p => p.File == "test-review.v1.json");
    }

    [Fact]
    public void The_test_definitions_load_with_their_states_transitions_and_deadlines()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json", "test-review.v2.json");
        var definitions = new JsonWorkflowDefinitionLoader(folder.Path).LoadAll(Context);
        Assert.Equal([1, 2], definitions.Select(d => d.Version).Order());
        var v1 = definitions.Single(d => d.Version == 1);
        Assert.Equal("Drafting", v1.InitialState);
        Assert.Equal(new DeadlineDefinition(3, Court.Domain.Calendars.PeriodUnit.WorkingDays, "EscalateReview"), v1.State("Drafting").Deadline);
        Assert.Equal(9, v1.Transitions.Count);
        Assert.Equal(new LocalizedText("审阅中", "Reviewing"), v1.State("Reviewing").Title);
    }

    [Fact]
    public void The_same_id_and_version_in_two_files_is_refused()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        File.Copy(folder.File("test-review.v1.json"), folder.File("copy.json"));
        var ex = Assert.Throws<InvalidWorkflowDefinitionException>(() => new JsonWorkflowDefinitionLoader(folder.Path).LoadAll(Context));
        Assert.Contains(ex.Problems, p => p.File == "copy.json" && p.Message == "The file of workflow 'test-review' version 1 must be named test-review.v1.json.");
    }

    [Fact]
    public void A_definition_whose_subject_no_code_registers_is_refused_by_the_catalog()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        var catalog = Catalog(folder.Path, subjects: []);
        var ex = Assert.Throws<InvalidWorkflowDefinitionException>(catalog.EnsureLoaded);
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("test-review.v1.json", "$.subject"), (problem.File, problem.JsonPath));
        Assert.Equal("Subject 'test-review' is not registered by any code (registered: none); register the aggregate with AddWorkflowSubject<TState>().", problem.Message);
    }

    [Fact]
    public void The_catalog_accepts_a_definition_whose_triggers_are_all_handled_commands()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        Assert.Single(Catalog(folder.Path).All);
    }

    [Fact]
    public void A_trigger_that_is_no_command_is_refused_naming_the_transition()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        var catalog = Catalog(folder.Path, commands: [.. ReviewCommands.Where(c => c.CommandType != typeof(ApproveReview))]);

        var problem = Assert.Single(Assert.Throws<InvalidWorkflowDefinitionException>(catalog.EnsureLoaded).Problems);

        Assert.Equal(("test-review.v1.json", "$.transitions[7].trigger"), (problem.File, problem.JsonPath));
        Assert.Equal("Trigger 'ApproveReview' is not a command of 'test-review': declare a record ApproveReview : IWorkflowCommand<...> with a handler.", problem.Message);
    }

    [Fact]
    public void A_trigger_whose_command_has_no_handler_is_refused()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        var catalog = Catalog(folder.Path, commands: [.. ReviewCommands.Select(c => c.CommandType == typeof(RejectReview) ? c with { HasHandler = false } : c)]);

        var problem = Assert.Single(Assert.Throws<InvalidWorkflowDefinitionException>(catalog.EnsureLoaded).Problems);

        Assert.Equal("Trigger 'RejectReview' is a command with no handler; write its ICommandHandler.", problem.Message);
    }

    [Fact]
    public void A_workflow_command_that_no_definition_uses_is_refused()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        var catalog = Catalog(folder.Path, commands: [.. ReviewCommands, new WorkflowCommandRegistration(typeof(ReviewOpened), "test-review", true)]);

        var problem = Assert.Single(Assert.Throws<InvalidWorkflowDefinitionException>(catalog.EnsureLoaded).Problems);

        Assert.Equal("Command 'ReviewOpened' is a workflow command of 'test-review' but no definition of that subject has a transition on it; add it to a definition or make it an ordinary command.", problem.Message);
    }

    private static readonly WorkflowCommandRegistration[] ReviewCommands =
        [.. new[] { typeof(SubmitReview), typeof(CommentOnReview), typeof(SignOffReview), typeof(EscalateReview), typeof(ApproveReview), typeof(RejectReview) }
            .Select(t => new WorkflowCommandRegistration(t, "test-review", true))];

    private static WorkflowCatalog Catalog(string path, WorkflowSubjectRegistration[]? subjects = null, WorkflowCommandRegistration[]? commands = null) => new(
        new FolderWorkflowDefinitionSource(new WorkflowSettings { Path = path }),
        [new WorkflowGuardRegistration("enough-sign-offs", _ => true), new WorkflowGuardRegistration("more-sign-offs-needed", _ => false)],
        [new WorkflowExpiryRegistration("EscalateReview", f => f)],
        subjects ?? [new WorkflowSubjectRegistration("test-review", TestReview.StreamPrefix, typeof(TestReview), _ => TestReview.Initial)],
        commands ?? ReviewCommands,
        []);

    [Fact]
    public void A_mermaid_diagram_labels_states_and_steps_with_their_zh_titles_not_command_names_and_highlights_the_current_one()
    {
        using var folder = WorkflowHost.DefinitionsFolder("test-review.v1.json");
        var v1 = new JsonWorkflowDefinitionLoader(folder.Path).LoadAll(Context).Single();
        var mermaid = WorkflowMachine.Mermaid(v1, "Reviewing");
        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("Drafting --> Reviewing : 提交审阅", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("SubmitReview", mermaid, StringComparison.Ordinal);
        Assert.Contains("Reviewing : 审阅中", mermaid, StringComparison.Ordinal);
        Assert.Contains("class Reviewing current", mermaid, StringComparison.Ordinal);
        Assert.Contains("Approved --> [*]", mermaid, StringComparison.Ordinal);
    }
}
