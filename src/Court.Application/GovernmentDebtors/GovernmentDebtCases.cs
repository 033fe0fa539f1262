using System.Text.Json;
using Court.Application.Common;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.GovernmentDebtors;

namespace Court.Application.GovernmentDebtors;

/// <summary>
/// Runs government-debtor commands: a step of the process through the workflow runtime (state, roles, repeats and the
/// transition from the pinned definition), bookkeeping straight to the case, and the unit register. The rules every
/// decision reads (periods, switches) come from the instance's pinned definition, never from constants.
/// </summary>
public sealed class GovernmentDebtCases(AggregateStore store, WorkflowRuntime workflows, WorkflowCatalog catalog, WorkingDayCalendar calendar)
{
    public const string WorkflowId = "government-debtor-enforcement";

    /// <summary>The periods the case's code reads from its definition (checked at start-up for every version).</summary>
    /// <remarks>The push period is optional: a court whose local rule has none drops it, and measures need no push first.</remarks>
    public static readonly string[] PeriodNames =
        ["removal", "correction-review", "correction", "reconsideration-filing", "reconsideration-decision", "relisting-bar", "monthly-report", "coordination-meeting"];

    public WorkingDayCalendar Calendar => calendar;

    public TimeProvider Clock => store.Clock;

    /// <summary>A step of the process on the case the step names.</summary>
    public Task<long> ExecuteAsync(IWorkflowCommand<GovernmentDebtCase> step, GovernmentDebtCommand command, CancellationToken cancellationToken = default) =>
        workflows.ExecuteAsync(step, (state, at) => GovernmentDebtDecider.Decide(state, command, Context(at.Now, at.Definition)), cancellationToken);

    /// <summary>Bookkeeping (the number of a document issued for the case): straight to the case in any state, under its pinned rules.</summary>
    public async Task<long> RecordAsync(string caseId, GovernmentDebtCommand command, long? ifMatch, CancellationToken cancellationToken = default)
    {
        var definition = (await workflows.LoadAsync(GovernmentDebtCase.StreamPrefix + caseId, cancellationToken))?.Definition
            ?? throw new DomainException(DomainError.NotFound("government-debt.case-not-found", "没有这件政府机关失信执行案件。", "There is no such government-debtor enforcement case."));
        return await store.ExecuteAsync<GovernmentDebtCase>(caseId, (state, now) => GovernmentDebtDecider.Decide(state, command, Context(now, definition)), ifMatch, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Flags the debtor unit (first case only) and opens the case with its workflow, pinning the latest definition.
    /// Opening the same case again changes nothing. Returns the case stream's version and whether it was created.
    /// </summary>
    public async Task<(long Version, bool Created)> OpenAsync(OpenGovernmentDebtCase open, FlagGovernmentDebtor flag, CancellationToken cancellationToken = default)
    {
        await store.ExecuteAsync<GovernmentDebtor>(flag.CreditCode, (state, now) => GovernmentDebtorDecider.Decide(state, flag, ChinaTime.DateOf(now)), cancellationToken: cancellationToken);
        if (await store.LoadAsync<GovernmentDebtCase>(open.CaseId, cancellationToken) is { Exists: true } existing)
        {
            GovernmentDebtDecider.Decide(existing.State, open, Context(store.Clock.GetUtcNow(), Latest())).ThrowIfError();
            return (existing.Version, false);
        }

        var version = await workflows.StartAsync<GovernmentDebtCase>(WorkflowId, open.CaseId, (state, step) => GovernmentDebtDecider.Decide(state, open, Context(step.Now, step.Definition)), cancellationToken: cancellationToken);
        return (version, true);
    }

    /// <summary>A change on the unit register (leader, handler, supervising unit): the unit's debts stay with it.</summary>
    public Task<long> ChangeUnitAsync(string creditCode, GovernmentDebtorCommand command, long? ifMatch, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync<GovernmentDebtor>(creditCode, (state, now) => GovernmentDebtorDecider.Decide(state, command, ChinaTime.DateOf(now)), ifMatch, cancellationToken: cancellationToken);

    /// <summary>The decision context on <paramref name="definition"/>'s rules.</summary>
    public GovernmentDebtContext Context(DateTimeOffset now, WorkflowDefinition definition) => new(now, calendar, RulesOf(definition));

    public WorkflowDefinition Latest() => catalog.Latest(WorkflowId) ?? throw new InvalidOperationException($"No workflow definition '{WorkflowId}' is loaded.");

    public WorkflowDefinition Pinned(int version) => catalog.Find(WorkflowId, version) ?? Latest();

    /// <summary>The mechanism's periods and switches as <paramref name="definition"/> states them.</summary>
    public static GovernmentDebtRules RulesOf(WorkflowDefinition definition) => new(
        definition.Periods?.Any(p => p.Name == "push-before-measures") == true ? Period(definition, "push-before-measures") : null,
        Period(definition, "removal"),
        Period(definition, "correction-review"),
        Period(definition, "correction"),
        Period(definition, "reconsideration-filing"),
        Period(definition, "reconsideration-decision"),
        Period(definition, "relisting-bar"),
        Setting(definition, "fixed-term-years"),
        Setting(definition, "min-extension-years"),
        Setting(definition, "max-extension-years"),
        Period(definition, "monthly-report"),
        Period(definition, "coordination-meeting"),
        SettingFlag(definition, "supreme-court-filing-for-local-government"));

    private static RulePeriod Period(WorkflowDefinition definition, string name)
    {
        var period = definition.Period(name);
        return period.Months is { } months
            ? RulePeriod.Months(months)
            : new RulePeriod(period.Days ?? throw new InvalidOperationException($"Period '{name}' of {definition.Id} v{definition.Version} has neither months nor days."), period.Unit == PeriodUnit.WorkingDays ? RulePeriodUnit.WorkingDays : RulePeriodUnit.CalendarDays);
    }

    /// <summary>The settings the rules read: every definition of the process states them (a missing one is a broken definition).</summary>
    public static readonly string[] SettingNames = ["fixed-term-years", "min-extension-years", "max-extension-years", "supreme-court-filing-for-local-government"];

    private static int Setting(WorkflowDefinition definition, string name) =>
        definition.Settings is { } settings && settings.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : throw new InvalidOperationException($"{definition.Id} v{definition.Version} states no whole number '{name}' in its settings.");

    private static bool SettingFlag(WorkflowDefinition definition, string name) =>
        definition.Settings is { } settings && settings.TryGetValue(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new InvalidOperationException($"{definition.Id} v{definition.Version} states no true/false '{name}' in its settings.");

    /// <summary>A case's id comes from its canonical case number, so the same case cannot be opened twice.</summary>
    public static string IdFor(string canonicalCaseNumber) => DeterministicGuid.From("court:government-debt-case:" + canonicalCaseNumber).ToString("N");
}
