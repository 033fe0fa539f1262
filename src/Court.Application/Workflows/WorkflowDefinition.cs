using Court.Domain.Calendars;

namespace Court.Application.Workflows;

/// <summary>A zh-CN title with its English twin: the UI shows zh by default.</summary>
public sealed record LocalizedText(string Zh, string En);

/// <summary>A state's deadline: <see cref="Days"/> calendar or working days after entry; then <see cref="OnExpiry"/> fires.</summary>
public sealed record DeadlineDefinition(int Days, PeriodUnit Unit, string? OnExpiry);

/// <summary>
/// A state of a process. <see cref="Responsible"/> is the role whose inbox shows an instance in this state;
/// <see cref="WaitsOn"/>, for processes that hold an asset, whom the asset waits on meanwhile (Court.Domain.Bankruptcy.WaitsOn).
/// </summary>
public sealed record StateDefinition(string Name, LocalizedText Title, string? Responsible, DeadlineDefinition? Deadline, bool Final, string? WaitsOn = null);

/// <summary>
/// <see cref="Trigger"/> (a command name) moves an instance from <see cref="From"/> to <see cref="To"/> when the
/// caller holds one of <see cref="Roles"/> and the named <see cref="Guard"/>, if any, passes. From == To: the trigger
/// is accepted and the state (and its deadline) stays as it is.
/// </summary>
public sealed record TransitionDefinition(string Trigger, string From, string To, IReadOnlyList<string> Roles, string? Guard, int Index, LocalizedText Title);

/// <summary>
/// A named period a process's code reads (small claims' 2-month limit, its 7-day fee period): <see cref="Months"/>
/// months, or <see cref="Days"/> days of <see cref="Unit"/>. Counted by the caller on the working-day calendar.
/// </summary>
public sealed record PeriodDefinition(string Name, int? Months, int? Days, PeriodUnit Unit, LocalizedText? Title = null);

/// <summary>
/// A named inbox task a process's code raises per item beside its states' own (a failed service's "choose another
/// channel"): its title and the role whose inbox shows it.
/// </summary>
public sealed record TaskDefinition(string Name, LocalizedText Title, string Responsible);

/// <summary>One version of one process, read from one JSON file in <c>workflows/</c>.</summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    string Subject,
    string InitialState,
    IReadOnlyList<StateDefinition> States,
    IReadOnlyList<TransitionDefinition> Transitions,
    string SourceFile,
    IReadOnlyList<PeriodDefinition>? Periods = null,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Settings = null,
    IReadOnlyList<TaskDefinition>? Tasks = null)
{
    /// <summary>The named task <paramref name="name"/> (its presence is checked at start-up for the subjects that raise it).</summary>
    public TaskDefinition Task(string name) =>
        Tasks?.FirstOrDefault(t => t.Name == name) ?? throw new InvalidOperationException($"Workflow {Id} v{Version} declares no task '{name}'.");

    /// <summary>The named period <paramref name="name"/> (its presence is checked at start-up for the subjects that read it).</summary>
    public PeriodDefinition Period(string name) =>
        Periods?.FirstOrDefault(p => p.Name == name) ?? throw new InvalidOperationException($"Workflow {Id} v{Version} declares no period '{name}'.");

    public StateDefinition? FindState(string name) => States.FirstOrDefault(s => s.Name == name);

    public StateDefinition State(string name) =>
        FindState(name) ?? throw new InvalidOperationException($"Workflow {Id} v{Version} has no state '{name}'.");

    public IEnumerable<TransitionDefinition> From(string state) => Transitions.Where(t => t.From == state);

    /// <summary>Every trigger this definition knows, in file order.</summary>
    public IEnumerable<string> Triggers => Transitions.Select(t => t.Trigger).Distinct(StringComparer.Ordinal);
}

/// <summary>One thing wrong with a definition: the file, the JSON path inside it, and the problem as a sentence.</summary>
public sealed record WorkflowDefinitionProblem(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>Thrown at start-up for definitions the host must not run.</summary>
public sealed class InvalidWorkflowDefinitionException(IReadOnlyList<WorkflowDefinitionProblem> problems)
    : Exception("Workflow definitions are not valid; the host will not start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<WorkflowDefinitionProblem> Problems { get; } = problems;
}
