using Court.Application.Common;

namespace Court.Application.Workflows;

/// <summary>What code offers to definitions: the guards it registers, the expiry commands it can build, the roles that exist.</summary>
public sealed record WorkflowValidationContext(IReadOnlySet<string> Guards, IReadOnlySet<string>? ExpiryCommands = null, IReadOnlySet<string>? Roles = null)
{
    public IReadOnlySet<string> KnownRoles { get; } = Roles ?? new HashSet<string>([.. Common.Roles.All, Common.Roles.System], StringComparer.Ordinal);
}

/// <summary>
/// The checks of meaning that a JSON Schema cannot express. Each problem names the JSON path and says what is wrong
/// in a sentence; the host refuses to start while any remain.
/// </summary>
public static class WorkflowDefinitionValidator
{
    public static IReadOnlyList<WorkflowDefinitionProblem> Validate(WorkflowDefinition definition, WorkflowValidationContext context)
    {
        var problems = new List<WorkflowDefinitionProblem>();
        void Add(string path, string message) => problems.Add(new WorkflowDefinitionProblem(definition.SourceFile, path, message));

        var states = definition.States.ToDictionary(s => s.Name, StringComparer.Ordinal);
        if (!states.ContainsKey(definition.InitialState))
        {
            Add("$.initialState", $"The initial state '{definition.InitialState}' is not one of the states.");
        }

        foreach (var t in definition.Transitions)
        {
            var at = $"$.transitions[{t.Index}]";
            if (!states.ContainsKey(t.From))
            {
                Add(at + ".from", $"Transition '{t.Trigger}' starts from the unknown state '{t.From}'.");
            }

            if (!states.ContainsKey(t.To))
            {
                Add(at + ".to", $"Transition '{t.Trigger}' goes to the unknown state '{t.To}'.");
            }

            if (t.Roles.Count == 0)
            {
                Add(at + ".roles", $"Trigger '{t.Trigger}' from state '{t.From}' names no role that may fire it.");
            }

            for (var r = 0; r < t.Roles.Count; r++)
            {
                if (!context.KnownRoles.Contains(t.Roles[r]))
                {
                    Add($"{at}.roles[{r}]", $"Role '{t.Roles[r]}' of trigger '{t.Trigger}' is not a known role (known: {string.Join(", ", context.KnownRoles.Order(StringComparer.Ordinal))}).");
                }
            }

            if (t.Guard is { } guard && !context.Guards.Contains(guard))
            {
                Add(at + ".guard", $"Guard '{guard}' of trigger '{t.Trigger}' is not registered by any code (registered: {List(context.Guards)}).");
            }

            if (states.TryGetValue(t.From, out var from) && from.Final)
            {
                Add(at + ".from", $"Transition '{t.Trigger}' leaves the final state '{t.From}'; a final state has no way out.");
            }
        }

        foreach (var group in definition.Transitions.GroupBy(t => (t.From, t.Trigger)).Where(g => g.Count() > 1))
        {
            var earlier = new List<TransitionDefinition>();
            foreach (var t in group)
            {
                if (earlier.FirstOrDefault(e => e.Guard is null || t.Guard is null || e.Guard == t.Guard) is { } other)
                {
                    Add($"$.transitions[{t.Index}]", $"Trigger '{t.Trigger}' from state '{t.From}' is also defined at $.transitions[{other.Index}]; transitions sharing a trigger and a state need distinct guards.");
                }

                earlier.Add(t);
            }
        }

        foreach (var state in definition.States)
        {
            var at = "$.states." + state.Name;
            var exits = definition.From(state.Name).Where(t => t.To != state.Name).ToList();
            if (!state.Final && exits.Count == 0)
            {
                Add(at, $"State '{state.Name}' is not final but no transition leads out of it.");
            }

            if (state.Responsible is { } responsible && !context.KnownRoles.Contains(responsible))
            {
                Add(at + ".responsible", $"Responsible role '{responsible}' of state '{state.Name}' is not a known role.");
            }

            if (state.Deadline is { } deadline)
            {
                CheckDeadline(definition, context, state, deadline, at + ".deadline", Add);
            }
        }

        foreach (var task in definition.Tasks ?? [])
        {
            if (!context.KnownRoles.Contains(task.Responsible))
            {
                Add($"$.tasks.{task.Name}.responsible", $"Responsible role '{task.Responsible}' of task '{task.Name}' is not a known role.");
            }
        }

        if (states.ContainsKey(definition.InitialState))
        {
            var reachable = Reachable(definition);
            foreach (var state in definition.States.Where(s => !reachable.Contains(s.Name)))
            {
                Add("$.states." + state.Name, $"State '{state.Name}' cannot be reached from the initial state '{definition.InitialState}'.");
            }
        }

        return problems;
    }

    private static void CheckDeadline(WorkflowDefinition definition, WorkflowValidationContext context, StateDefinition state, DeadlineDefinition deadline, string at, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(deadline.OnExpiry))
        {
            add(at, $"State '{state.Name}' has a deadline but no expiry trigger (onExpiry) to fire when it passes.");
            return;
        }

        var expiry = definition.From(state.Name).Where(t => t.Trigger == deadline.OnExpiry).ToList();
        if (expiry.Count == 0)
        {
            add(at + ".onExpiry", $"Expiry trigger '{deadline.OnExpiry}' of state '{state.Name}' has no transition from that state.");
        }
        else if (expiry.Any(t => !t.Roles.Contains(Roles.System, StringComparer.Ordinal)))
        {
            var t = expiry.First(t => !t.Roles.Contains(Roles.System, StringComparer.Ordinal));
            add($"$.transitions[{t.Index}].roles", $"Trigger '{t.Trigger}' fires when the deadline of state '{state.Name}' passes, so its roles must include '{Roles.System}' (the timer acts as it).");
        }

        if (context.ExpiryCommands is { } commands && !commands.Contains(deadline.OnExpiry))
        {
            add(at + ".onExpiry", $"Expiry trigger '{deadline.OnExpiry}' of state '{state.Name}' has no registered command (register one with AddWorkflowExpiry<TCommand>).");
        }
    }

    private static HashSet<string> Reachable(WorkflowDefinition definition)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { definition.InitialState };
        var queue = new Queue<string>([definition.InitialState]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var t in definition.From(state))
            {
                if (seen.Add(t.To))
                {
                    queue.Enqueue(t.To);
                }
            }
        }

        return seen;
    }

    private static string List(IReadOnlySet<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Order(StringComparer.Ordinal));
}
