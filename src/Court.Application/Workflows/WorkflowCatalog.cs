using Court.Domain.Common;

namespace Court.Application.Workflows;

/// <summary>Where definitions come from (the JSON folder in production); throws <see cref="InvalidWorkflowDefinitionException"/> on any problem.</summary>
public interface IWorkflowDefinitionSource
{
    IReadOnlyList<WorkflowDefinition> Load(WorkflowValidationContext context);
}

/// <summary>An aggregate type a workflow can drive; registered by its slice with <c>AddWorkflowSubject&lt;TState&gt;()</c>.</summary>
public sealed record WorkflowSubjectRegistration(string Subject, string StreamPrefix, Type StateType, Func<IEnumerable<IDomainEvent>, object> Fold, Func<object, Pipeline.ResourceParties>? PartiesOf = null);

/// <summary>
/// Every loaded definition with the guards, expiry commands and subjects code registers. Loaded once, at start-up
/// (a hosted service forces it, so a broken definition stops the host); immutable afterwards.
/// </summary>
public sealed class WorkflowCatalog
{
    private readonly Lazy<IReadOnlyList<WorkflowDefinition>> definitions;

    public WorkflowCatalog(
        IWorkflowDefinitionSource source,
        IEnumerable<WorkflowGuardRegistration> guards,
        IEnumerable<WorkflowTriggerRegistration> triggers,
        IEnumerable<WorkflowSubjectRegistration> subjects)
    {
        Guards = Unique(guards, g => g.Name, "guard");
        TriggerCommands = Unique(triggers, t => t.Trigger, "expiry trigger command");
        Subjects = Unique(subjects, s => s.Subject, "workflow subject");
        var context = new WorkflowValidationContext(Guards.Keys.ToHashSet(StringComparer.Ordinal), TriggerCommands.Keys.ToHashSet(StringComparer.Ordinal));
        definitions = new Lazy<IReadOnlyList<WorkflowDefinition>>(() => CheckSubjects(source.Load(context)));
    }

    public IReadOnlyDictionary<string, WorkflowGuardRegistration> Guards { get; }

    public IReadOnlyDictionary<string, WorkflowTriggerRegistration> TriggerCommands { get; }

    public IReadOnlyDictionary<string, WorkflowSubjectRegistration> Subjects { get; }

    public IReadOnlyList<WorkflowDefinition> All => definitions.Value;

    public void EnsureLoaded() => _ = definitions.Value;

    public WorkflowDefinition? Find(string id, int version) => All.FirstOrDefault(d => d.Id == id && d.Version == version);

    /// <summary>The highest version of <paramref name="id"/>: what new instances start under.</summary>
    public WorkflowDefinition? Latest(string id) => All.Where(d => d.Id == id).MaxBy(d => d.Version);

    public WorkflowSubjectRegistration? SubjectOfStream(string streamId) =>
        Subjects.Values.Where(s => streamId.StartsWith(s.StreamPrefix, StringComparison.Ordinal)).MaxBy(s => s.StreamPrefix.Length);

    private IReadOnlyList<WorkflowDefinition> CheckSubjects(IReadOnlyList<WorkflowDefinition> loaded)
    {
        var problems = loaded.Where(d => !Subjects.ContainsKey(d.Subject))
            .Select(d => new WorkflowDefinitionProblem(d.SourceFile, "$.subject", $"Subject '{d.Subject}' is not registered by any code (registered: {(Subjects.Count == 0 ? "none" : string.Join(", ", Subjects.Keys.Order(StringComparer.Ordinal)))}); register the aggregate with AddWorkflowSubject<TState>()."))
            .ToList();
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
