using Court.Domain.Common;
using Stateless;

namespace Court.Application.Workflows;

/// <summary>
/// A definition configured into a Stateless state machine whose state lives outside it (in the aggregate's stream).
/// Stateless answers which triggers the guards permit and where a trigger leads; roles are checked on top, from the
/// definition. Guards see the aggregate through the <see cref="WorkflowGuardContext"/> given with each question.
/// </summary>
public sealed class WorkflowMachine
{
    private readonly WorkflowDefinition definition;
    private readonly IReadOnlyDictionary<string, WorkflowGuardRegistration> guards;
    private readonly StateMachine<string, string> machine;
    private string state;
    private WorkflowGuardContext? input;

    public WorkflowMachine(WorkflowDefinition definition, IReadOnlyDictionary<string, WorkflowGuardRegistration> guards, string currentState)
    {
        this.definition = definition;
        this.guards = guards;
        state = currentState;
        machine = new StateMachine<string, string>(() => state, s => state = s);
        foreach (var s in definition.States)
        {
            var config = machine.Configure(s.Name);
            foreach (var t in definition.From(s.Name))
            {
                var transition = t;
                switch (t.Guard, t.To == t.From)
                {
                    case (null, true):
                        config.InternalTransition(t.Trigger, _ => { });
                        break;
                    case (null, false):
                        config.Permit(t.Trigger, t.To);
                        break;
                    case (_, true):
                        config.InternalTransitionIf(t.Trigger, _ => GuardPasses(transition), () => { }, t.Guard);
                        break;
                    default:
                        config.PermitIf(t.Trigger, t.To, () => GuardPasses(transition), t.Guard);
                        break;
                }
            }
        }
    }

    public string State => state;

    /// <summary>The transitions the guards permit now (given the aggregate as it is) that <paramref name="roles"/> may fire, one per trigger, in definition order.</summary>
    public IReadOnlyList<TransitionDefinition> PermittedTransitions(WorkflowGuardContext context, IReadOnlySet<string> roles)
    {
        input = context;
        var permitted = machine.GetPermittedTriggersAsync().GetAwaiter().GetResult().ToHashSet(StringComparer.Ordinal);
        return [.. definition.From(state)
            .Where(t => permitted.Contains(t.Trigger) && t.Roles.Any(roles.Contains) && GuardPasses(t))
            .DistinctBy(t => t.Trigger)];
    }

    /// <summary>Fires <paramref name="trigger"/> with the guards seeing <paramref name="context"/>; returns the state it leads to, or the error.</summary>
    public (string? To, DomainError? Error) Fire(string trigger, WorkflowGuardContext context)
    {
        input = context;
        var candidates = definition.From(state).Where(t => t.Trigger == trigger).ToList();
        var passing = candidates.Where(GuardPasses).ToList();
        if (passing.Count == 0)
        {
            return (null, DomainError.Conflict("workflow.guard-failed", $"'{trigger}' cannot happen in state '{state}' now: {string.Join(", ", candidates.Select(c => $"guard '{c.Guard}' does not pass"))}."));
        }

        if (passing.Select(t => t.To).Distinct().Count() > 1)
        {
            return (null, DomainError.Conflict("workflow.guards-overlap", $"'{trigger}' in state '{state}' is ambiguous: guards {string.Join(", ", passing.Select(t => $"'{t.Guard}'"))} all pass."));
        }

        machine.Fire(trigger);
        return (state, null);
    }

    /// <summary>
    /// A Mermaid state diagram of <paramref name="definition"/> for people: each state by its zh title, each transition
    /// labelled with its zh title (not the command name), final states marked, the current state highlighted.
    /// </summary>
    public static string Mermaid(WorkflowDefinition definition, string? highlightState = null, bool english = false)
    {
        string Title(LocalizedText text) => Escape(english ? text.En : text.Zh);
        var lines = new List<string> { "stateDiagram-v2", $"\t[*] --> {definition.InitialState}" };
        foreach (var s in definition.States)
        {
            lines.Add($"\t{s.Name} : {Title(s.Title)}");
        }

        foreach (var t in definition.Transitions)
        {
            lines.Add($"\t{t.From} --> {t.To} : {Title(t.Title)}");
        }

        foreach (var s in definition.States.Where(s => s.Final))
        {
            lines.Add($"\t{s.Name} --> [*]");
        }

        if (highlightState is not null && definition.FindState(highlightState) is not null)
        {
            lines.Add("\tclassDef current fill:#fde68a,stroke:#b45309,stroke-width:3px");
            lines.Add($"\tclass {highlightState} current");
        }

        return string.Join('\n', lines) + "\n";
    }

    private bool GuardPasses(TransitionDefinition t) =>
        t.Guard is null || guards[t.Guard].Evaluate(input ?? throw new InvalidOperationException("No guard input."));

    private static string Escape(string text) => text.Replace(":", "：", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
