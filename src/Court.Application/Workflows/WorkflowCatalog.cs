using Court.Domain.Common;

namespace Court.Application.Workflows;

/// <summary>Where definitions come from (the JSON folder in production); throws <see cref="InvalidWorkflowDefinitionException"/> on any problem.</summary>
public interface IWorkflowDefinitionSource
{
    IReadOnlyList<WorkflowDefinition> Load(WorkflowValidationContext context);
}

/// <summary>An aggregate type a workflow can drive; registered by its slice with <c>AddWorkflowSubject&lt;TState&gt;()</c>.</summary>
public sealed record WorkflowSubjectRegistration(string Subject, string StreamPrefix, Type StateType, Func<IEnumerable<IDomainEvent>, object> Fold);

/// <summary>
/// Every loaded definition with the guards, commands, expiry commands and subjects code registers, held against each
/// other both ways. Loaded once, before the host touches the database (<see cref="EnsureLoaded"/> is the first thing
/// start-up does, and what <c>workflows check</c> runs); immutable afterwards.
/// </summary>
public sealed class WorkflowCatalog
{
    private readonly Lazy<IReadOnlyList<WorkflowDefinition>> definitions;
    private readonly IReadOnlyList<WorkflowCommandRegistration> commands;
    private readonly IReadOnlyList<WorkflowPeriodRequirement> periods;
    private readonly IReadOnlyList<WorkflowTaskRequirement> tasks;

    public WorkflowCatalog(
        IWorkflowDefinitionSource source,
        IEnumerable<WorkflowGuardRegistration> guards,
        IEnumerable<WorkflowExpiryRegistration> expiries,
        IEnumerable<WorkflowSubjectRegistration> subjects,
        IEnumerable<WorkflowCommandRegistration> commands,
        IEnumerable<WorkflowPeriodRequirement> periods,
        IEnumerable<WorkflowTaskRequirement>? tasks = null)
    {
        Guards = Unique(guards, g => g.Name, "guard");
        ExpiryCommands = Unique(expiries, t => t.Trigger, "expiry trigger command");
        Subjects = Unique(subjects, s => s.Subject, "workflow subject");
        this.commands = [.. commands.DistinctBy(c => c.CommandType)];
        this.periods = [.. periods];
        this.tasks = [.. tasks ?? []];
        _ = Unique(this.commands, c => c.Trigger, "workflow command (two command types share a name)");
        var context = new WorkflowValidationContext(Guards.Keys.ToHashSet(StringComparer.Ordinal), ExpiryCommands.Keys.ToHashSet(StringComparer.Ordinal));
        definitions = new Lazy<IReadOnlyList<WorkflowDefinition>>(() => CheckCode(source.Load(context)));
    }

    public IReadOnlyDictionary<string, WorkflowGuardRegistration> Guards { get; }

    public IReadOnlyDictionary<string, WorkflowExpiryRegistration> ExpiryCommands { get; }

    public IReadOnlyDictionary<string, WorkflowSubjectRegistration> Subjects { get; }

    public IReadOnlyList<WorkflowDefinition> All => definitions.Value;

    public void EnsureLoaded() => _ = definitions.Value;

    public WorkflowDefinition? Find(string id, int version) => All.FirstOrDefault(d => d.Id == id && d.Version == version);

    /// <summary>The highest version of <paramref name="id"/>: what new instances start under.</summary>
    public WorkflowDefinition? Latest(string id) => All.Where(d => d.Id == id).MaxBy(d => d.Version);

    /// <summary>
    /// The title of <paramref name="state"/> as version <paramref name="version"/> of <paramref name="id"/> names it
    /// (the pinned version's words); when that version is unknown or lacks the state, the latest version that has it.
    /// Null when no loaded version has the state.
    /// </summary>
    public LocalizedText? StateTitle(string id, int? version, string state) =>
        (version is { } v ? Find(id, v)?.FindState(state) : null)?.Title
        ?? All.Where(d => d.Id == id).OrderByDescending(d => d.Version).Select(d => d.FindState(state)).FirstOrDefault(s => s is not null)?.Title;

    /// <summary>
    /// The title of the transition on <paramref name="trigger"/> out of <paramref name="from"/>, as <see cref="StateTitle"/>
    /// finds a state's: the pinned version's words first, else the latest version that has such a transition.
    /// </summary>
    public LocalizedText? TransitionTitle(string id, int? version, string trigger, string from)
    {
        static TransitionDefinition? In(WorkflowDefinition? d, string trigger, string from) =>
            d?.Transitions.FirstOrDefault(t => t.Trigger == trigger && t.From == from) ?? d?.Transitions.FirstOrDefault(t => t.Trigger == trigger);

        return (version is { } v ? In(Find(id, v), trigger, from) : null)?.Title
            ?? All.Where(d => d.Id == id).OrderByDescending(d => d.Version).Select(d => In(d, trigger, from)).FirstOrDefault(t => t is not null)?.Title;
    }

    public WorkflowSubjectRegistration? SubjectOfStream(string streamId) =>
        Subjects.Values.Where(s => streamId.StartsWith(s.StreamPrefix, StringComparison.Ordinal)).MaxBy(s => s.StreamPrefix.Length);

    /// <summary>
    /// The checks across definitions and code, both ways: subjects registered; every trigger of a definition is a
    /// command of its subject with a handler; every declared command of a registered subject is a trigger of some definition of that subject;
    /// every expiry command is used; the periods code reads are declared.
    /// </summary>
    private IReadOnlyList<WorkflowDefinition> CheckCode(IReadOnlyList<WorkflowDefinition> loaded)
    {
        var problems = loaded.Where(d => !Subjects.ContainsKey(d.Subject))
            .Select(d => new WorkflowDefinitionProblem(d.SourceFile, "$.subject", $"Subject '{d.Subject}' is not registered by any code (registered: {(Subjects.Count == 0 ? "none" : string.Join(", ", Subjects.Keys.Order(StringComparer.Ordinal)))}); register the aggregate with AddWorkflowSubject<TState>()."))
            .ToList();
        foreach (var definition in loaded.Where(d => commands.Any(c => c.Subject == d.Subject)))
        {
            foreach (var t in definition.Transitions.DistinctBy(t => t.Trigger))
            {
                var command = commands.FirstOrDefault(c => c.Subject == definition.Subject && c.Trigger == t.Trigger);
                if (command is null || !command.HasHandler)
                {
                    problems.Add(new WorkflowDefinitionProblem(definition.SourceFile, $"$.transitions[{t.Index}].trigger", command is null
                        ? $"Trigger '{t.Trigger}' is not a command of '{definition.Subject}': declare a record {t.Trigger} : IWorkflowCommand<...> with a handler."
                        : $"Trigger '{t.Trigger}' is a command with no handler; write its ICommandHandler."));
                }
            }
        }

        foreach (var command in commands.Where(c => Subjects.ContainsKey(c.Subject) && !loaded.Any(d => d.Subject == c.Subject && d.Triggers.Contains(c.Trigger, StringComparer.Ordinal))))
        {
            problems.Add(new WorkflowDefinitionProblem(command.CommandType.FullName ?? command.Trigger, "$", $"Command '{command.Trigger}' is a workflow command of '{command.Subject}' but no definition of that subject has a transition on it; add it to a definition or make it an ordinary command."));
        }

        var used = loaded.SelectMany(d => d.Triggers).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(ExpiryCommands.Keys.Where(t => !used.Contains(t))
            .Select(t => new WorkflowDefinitionProblem(t, "$", $"Expiry command '{t}' is registered but no definition has a transition on it.")));
        foreach (var definition in loaded)
        {
            foreach (var required in periods.Where(p => p.Subject == definition.Subject && definition.Periods?.Any(d => d.Name == p.Period) != true))
            {
                problems.Add(new WorkflowDefinitionProblem(definition.SourceFile, "$.periods", $"The code of '{definition.Subject}' reads the period '{required.Period}', which this definition does not declare."));
            }

            foreach (var required in tasks.Where(t => t.Subject == definition.Subject && definition.Tasks?.Any(d => d.Name == t.Task) != true))
            {
                problems.Add(new WorkflowDefinitionProblem(definition.SourceFile, "$.tasks", $"The code of '{definition.Subject}' raises the task '{required.Task}', which this definition does not declare."));
            }
        }

        return problems.Count > 0 ? throw new InvalidWorkflowDefinitionException(problems) : loaded;
    }

    private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!map.TryAdd(key(item), item))
            {
                throw new InvalidOperationException($"The {what} '{key(item)}' is registered twice.");
            }
        }

        return map;
    }
}
