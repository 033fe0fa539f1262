using System.Collections.Immutable;
using Court.Application.Common;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Calendars;
using Court.Domain.Common;
using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;
using Court.Domain.Workflows;

namespace Court.Application.GovernmentDebtors;

/// <summary>
/// A government-debtor case as every party's list shows it: the case's own data folded by the domain's
/// <see cref="GovernmentDebtCase.Evolve"/> (so amounts and schedules are derived exactly as the decisions derive
/// them), the workflow state it is in, and the dates its lists sort by, worked out on the pinned definition's rules
/// when an event changes them. Partitioned by the debtor unit's agency, so a unit's query reads its own cases only.
/// </summary>
[Collection("government-debt-cases")]
public sealed record GovernmentDebtCaseView(
    string Id,
    GovernmentDebtCase Case,
    string SupervisingUnit,
    string Kind,
    string CreditorName,
    string JudgmentNumber,
    int WorkflowVersion,
    string State,
    string? Responsible,
    bool Final,
    DateOnly StateSince,
    DateOnly? PerformBy,
    long OutstandingFen,
    DateOnly? ReportDueOn,
    DateOnly? MeetingDueOn,
    DateOnly? RemovalDueOn,
    string NextStep,
    DateOnly NextOn,
    long Version) : IListed
{
    /// <summary>The date the next thing is due (the docket's order).</summary>
    public const string SortByNext = "next";

    public const string SortByNumber = "number";

    /// <summary>Largest outstanding amount first when descending.</summary>
    public const string SortByOutstanding = "outstanding";

    /// <summary>Oldest judgment first: how long the debt has stood, whoever led the unit meanwhile.</summary>
    public const string SortByAge = "age";

    /// <summary>Earliest unsubmitted monthly report first (supervised cases only).</summary>
    public const string SortByReportDue = "report-due";

    /// <summary>Earliest coordination meeting due first (supervised cases only).</summary>
    public const string SortByMeetingDue = "meeting-due";

    public const string OpenKey = "open";

    public const string StateKey = "state";

    public const string UnitKey = "unit";

    /// <summary>The court whose case it is: court staff list their own court's cases only.</summary>
    public const string CourtKey = "court";

    public string CaseNumber => Case.CaseNumber;

    public IEnumerable<ListKey> ListKeys()
    {
        yield return ListKey.Of(SortByNext, ListKey.Encode(NextOn), Case.CaseNumber);
        yield return ListKey.Text(SortByNumber, Case.CaseNumber);
        yield return ListKey.Number(SortByOutstanding, OutstandingFen);
        yield return ListKey.Of(SortByAge, ListKey.Encode(Case.EffectiveOn), Case.CaseNumber);
        if (!Final && ReportDueOn is { } report)
        {
            yield return ListKey.Of(SortByReportDue, ListKey.Encode(report), Case.CaseNumber);
        }

        if (!Final && MeetingDueOn is { } meeting)
        {
            yield return ListKey.Of(SortByMeetingDue, ListKey.Encode(meeting), Case.CaseNumber);
        }

        yield return ListKey.Text(OpenKey, Final ? "false" : "true");
        yield return ListKey.Text(StateKey, State);
        yield return ListKey.Text(UnitKey, Case.DebtorCreditCode);
        yield return ListKey.Text(CourtKey, Case.CourtCode);
        yield return ListKey.Search(Case.CaseNumber, Case.DebtorName, Case.DebtorCreditCode, SupervisingUnit, CreditorName);
    }
}

/// <summary>
/// A flagged unit on the supervision office's list: the register (leader, handler, supervising unit, the leaders'
/// terms) folded by <see cref="GovernmentDebtor.Evolve"/>, and its cases' outstanding amounts as of their last
/// movement. Ageing runs from the oldest open judgment, across every change of leader.
/// </summary>
[Collection("government-debtors")]
public sealed record GovernmentDebtorView(
    string Id,
    GovernmentDebtor Unit,
    ImmutableSortedDictionary<string, UnitCase> Cases,
    long Version) : IListed
{
    public const string SortByOutstanding = "outstanding";

    public const string SortByAge = "age";

    public const string SortByName = "name";

    public long OutstandingFen => Cases.Values.Where(c => c.Open).Sum(c => c.OutstandingFen);

    public int OpenCases => Cases.Values.Count(c => c.Open);

    public DateOnly? OldestOpenSince => Cases.Values.Where(c => c.Open).Select(c => (DateOnly?)c.EffectiveOn).Min();

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Number(SortByOutstanding, OutstandingFen),
        ListKey.Of(SortByAge, ListKey.Encode(OldestOpenSince), Unit.CreditCode),
        ListKey.Text(SortByName, Unit.Name),
        ListKey.Search(Unit.Name, Unit.CreditCode, Unit.SupervisingUnit, Unit.Leader?.Name),
    ];
}

public sealed record UnitCase(string CaseNumber, DateOnly EffectiveOn, long OutstandingFen, bool Open, string State);

/// <summary>A supervising unit (主管部门) and what its flagged units owe: few per court, listed whole.</summary>
[Collection("government-debt-departments")]
public sealed record GovernmentDebtDepartmentView(string Name, ImmutableSortedDictionary<string, long> OutstandingByUnit, ImmutableSortedDictionary<string, int> OpenCasesByUnit)
{
    public long OutstandingFen => OutstandingByUnit.Values.Sum();

    public int OpenCases => OpenCasesByUnit.Values.Sum();
}

/// <summary>
/// How much the month-end total outstanding and the number of open cases changed in a month (<c>yyyy-MM</c>), by the
/// business dates of the events (opened on, performed on, settled on), not the day they were recorded: a payment
/// recorded late moves the month it was made in. The chart is the running sum (decision 0082).
/// </summary>
[Collection("government-debt-month-changes")]
public sealed record GovernmentDebtMonthChange(string Month, long OutstandingChangeFen, int OpenCasesChange);

/// <summary>
/// An entry of the public list of dishonest government debtors, with the fields the Supreme People's Court's list
/// publishes. Stored when the listing is published, deleted when it is removed: a removed entry is gone at once.
/// </summary>
[Collection("government-debt-public-list")]
public sealed record PublicListEntry(
    string ListingId,
    string CaseId,
    string DebtorName,
    string CreditCode,
    string CourtCode,
    string CaseNumber,
    string JudgmentNumber,
    string Obligation,
    long DueFen,
    long PerformedFen,
    long UnperformedFen,
    int Ground,
    DateOnly ListedOn,
    DateOnly PublishedOn,
    string? DecisionNumber,
    string? DecisionCode = null) : IListed
{
    public const string SortByPublished = "published";

    public const string SortByName = "name";

    public IEnumerable<ListKey> ListKeys() =>
    [
        ListKey.Of(SortByPublished, ListKey.Encode(PublishedOn), ListingId),
        ListKey.Text(SortByName, DebtorName),
        ListKey.Search(DebtorName, CreditCode, CaseNumber, Domain.Identifiers.CaseNumber.Print(CaseNumber)),
    ];
}

/// <summary>
/// Builds the government-debtor read models in the writer's transaction (a clerk, a unit and the public list see a
/// change at once). Dates the lists sort by are computed here on the case's pinned rules.
/// </summary>
public sealed class GovernmentDebtProjection(WorkflowCatalog catalog, WorkingDayCalendar calendar) : IProjection
{
    /// <summary>The meeting task's id is the case stream's plus this, so it never replaces the state's task.</summary>
    public const string MeetingTaskSuffix = "#coordination-meeting";

    public string Name => "government-debtors";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public bool Handles(IDomainEvent @event) =>
        @event is IWorkflowEvent || @event.GetType().Namespace == typeof(GovernmentDebtCaseOpened).Namespace;

    public async ValueTask ApplyAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (envelope.StreamId.StartsWith(GovernmentDebtor.StreamPrefix, StringComparison.Ordinal))
        {
            await ApplyToUnitAsync(envelope, session, cancellationToken);
            return;
        }

        if (!envelope.StreamId.StartsWith(GovernmentDebtCase.StreamPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var id = envelope.StreamId[GovernmentDebtCase.StreamPrefix.Length..];
        var on = ChinaDate(envelope);
        var view = await session.LoadAsync<GovernmentDebtCaseView>(id, cancellationToken);
        var previous = view?.Case;
        if (view is null)
        {
            if (envelope.Event is not GovernmentDebtCaseOpened opened)
            {
                return; // the workflow start is in the same append, after the opening
            }

            view = new GovernmentDebtCaseView(
                id, GovernmentDebtCase.Initial.Evolve(opened), opened.SupervisingUnit, opened.Flag.Kind.ToString(), opened.Creditor.Name, opened.Judgment.Number,
                0, "", null, false, on, null, opened.PrincipalFen, null, null, null, "", on, envelope.Version);
        }
        else
        {
            view = view with { Case = view.Case.Evolve(envelope.Event), Version = envelope.Version };
        }

        switch (envelope.Event)
        {
            case IWorkflowEvent w:
                view = view with { WorkflowVersion = w.WorkflowVersion, State = w.Entered.State, Responsible = w.Entered.Responsible, Final = w.Entered.IsFinal, StateSince = on };
                break;
            case SupervisionStarted s:
                view = view with { PerformBy = s.PerformBy };
                break;
        }

        view = Schedule(view, envelope.Metadata.OccurredAt);
        session.Store(id, view, view.Case.DebtorAgency);
        UpdateMeetingTask(envelope, view, session);
        await UpdateUnitCaseAsync(view, session, cancellationToken);
        await UpdateMonthChangesAsync(session, previous, view.Case, cancellationToken);
        await UpdatePublicListAsync(envelope.Event, view, session, cancellationToken);
    }

    /// <summary>The dates a case's lists sort by, on its pinned rules, as of <paramref name="now"/>.</summary>
    private GovernmentDebtCaseView Schedule(GovernmentDebtCaseView view, DateTimeOffset now)
    {
        if (view.WorkflowVersion == 0)
        {
            return view;
        }

        var definition = catalog.Find(GovernmentDebtCases.WorkflowId, view.WorkflowVersion) ?? catalog.Latest(GovernmentDebtCases.WorkflowId)!;
        var context = new GovernmentDebtContext(now, calendar, GovernmentDebtCases.RulesOf(definition));
        var c = view.Case;
        var performed = c.FullyPerformedOn is not null;
        DateOnly? reportDue = null;
        if (c.SupervisionStartedOn is { } started && !performed)
        {
            var month = SupervisionSchedule.MonthOf(started);
            while (c.ReportedMonths.Contains(month))
            {
                month = month.AddMonths(1);
            }

            reportDue = SupervisionSchedule.DueOn(month, context);
        }

        var meetingDue = performed ? null : c.NextMeetingDueOn;
        var removalDue = SupervisionSchedule.RemovalDueOn(c, context);
        var correction = c.Listing?.Correction;
        var candidates = new List<(string Step, DateOnly? On)>
        {
            ("removal", removalDue),
            ("correction-review", correction is { Upheld: null } ? correction.ReviewDueOn : null),
            ("correction", correction is { Justified: true, CorrectedOn: null } ? correction.CorrectBy : null),
            ("reconsideration", correction?.Reconsideration is { Upheld: null } r ? r.DecisionDueOn : null),
            ("perform-by", performed ? null : view.PerformBy),
            ("report", reportDue),
            ("meeting", meetingDue),
            ("measures-allowed", view.State == "Pushed" ? SupervisionSchedule.EarliestMeasureOn(c, context) : null),
        };
        var next = view.Final ? default : candidates.Where(x => x.On is not null).OrderBy(x => x.On).FirstOrDefault();
        return view with
        {
            OutstandingFen = c.BalanceOn(c.Movements.LastOrDefault()?.On ?? c.OpenedOn).OutstandingFen,
            ReportDueOn = reportDue,
            MeetingDueOn = meetingDue,
            RemovalDueOn = removalDue,
            NextStep = view.Final ? "closed" : next.Step ?? "state",
            NextOn = next.On ?? view.StateSince,
        };
    }

    /// <summary>
    /// The supervision office's task to hold the coordination meeting: open while the pinned definition lets the office
    /// hold one in the case's state, due on the last day of the period since supervision began or the last meeting
    /// (so it turns overdue when none has been held for that long), moved by each meeting, gone when the case is
    /// performed or closed. It sits beside the state's own task in the inbox (the state's responsible may be the unit).
    /// </summary>
    private void UpdateMeetingTask(EventEnvelope envelope, GovernmentDebtCaseView view, IDocumentSession session)
    {
        var taskId = envelope.StreamId + MeetingTaskSuffix;
        var definition = view.WorkflowVersion == 0 ? null : catalog.Find(GovernmentDebtCases.WorkflowId, view.WorkflowVersion);
        var hold = definition?.From(view.State).FirstOrDefault(t => t.Trigger == nameof(HoldGovernmentDebtMeeting) && t.Roles.Contains(Roles.SupervisionOfficer));
        if (view.Final || view.MeetingDueOn is not { } due || hold is null)
        {
            session.Delete<WorkflowTaskDocument>(taskId);
            return;
        }

        session.Store(
            taskId,
            new WorkflowTaskDocument(
                envelope.StreamId, GovernmentDebtCases.WorkflowId, view.WorkflowVersion, view.State, Roles.SupervisionOfficer, Agencies.Supervision.Code, null,
                view.Case.CaseNumber, envelope.Metadata.OccurredAt, WorkingDayCalendar.EndOf(due),
                envelope.Version, hold.Title),
            Roles.SupervisionOfficer);
    }

    private static async ValueTask ApplyToUnitAsync(EventEnvelope envelope, IDocumentSession session, CancellationToken cancellationToken)
    {
        var code = envelope.StreamId[GovernmentDebtor.StreamPrefix.Length..];
        var view = await session.LoadAsync<GovernmentDebtorView>(code, cancellationToken)
            ?? new GovernmentDebtorView(code, GovernmentDebtor.Initial, ImmutableSortedDictionary<string, UnitCase>.Empty.WithComparers(StringComparer.Ordinal), -1);
        var unit = view.Unit.Evolve(envelope.Event);
        var moved = envelope.Event is SupervisingUnitChanged changed ? changed.From : null;
        view = view with { Unit = unit, Version = envelope.Version };
        session.Store(code, view, SpecialParties.AgencyFor(code));
        if (moved is not null)
        {
            await UpdateDepartmentAsync(session, moved, code, null, cancellationToken);
        }

        await UpdateDepartmentAsync(session, unit.SupervisingUnit, code, view, cancellationToken);
    }

    private static async ValueTask UpdateUnitCaseAsync(GovernmentDebtCaseView view, IDocumentSession session, CancellationToken cancellationToken)
    {
        var c = view.Case;
        if (await session.LoadAsync<GovernmentDebtorView>(c.DebtorCreditCode, cancellationToken) is not { } unit)
        {
            return;
        }

        unit = unit with { Cases = unit.Cases.SetItem(view.Id, new UnitCase(c.CaseNumber, c.EffectiveOn, view.OutstandingFen, !view.Final && c.FullyPerformedOn is null, view.State)) };
        session.Store(unit.Id, unit, c.DebtorAgency);
        await UpdateDepartmentAsync(session, unit.Unit.SupervisingUnit, unit.Id, unit, cancellationToken);
    }

    private static async ValueTask UpdateDepartmentAsync(IDocumentSession session, string department, string unitCode, GovernmentDebtorView? unit, CancellationToken cancellationToken)
    {
        if (department.Length == 0)
        {
            return;
        }

        var view = await session.LoadAsync<GovernmentDebtDepartmentView>(department, cancellationToken)
            ?? new GovernmentDebtDepartmentView(department, ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal), ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal));
        view = unit is null
            ? view with { OutstandingByUnit = view.OutstandingByUnit.Remove(unitCode), OpenCasesByUnit = view.OpenCasesByUnit.Remove(unitCode) }
            : view with { OutstandingByUnit = view.OutstandingByUnit.SetItem(unitCode, unit.OutstandingFen), OpenCasesByUnit = view.OpenCasesByUnit.SetItem(unitCode, unit.OpenCases) };
        session.Store(department, view);
    }

    /// <summary>Moves the months whose change the event altered: the case's part before the event is taken out, its part after put in.</summary>
    private static async ValueTask UpdateMonthChangesAsync(IDocumentSession session, GovernmentDebtCase? before, GovernmentDebtCase after, CancellationToken cancellationToken)
    {
        var old = before is { Opened: true } ? MonthChanges(before) : [];
        var now = MonthChanges(after);
        foreach (var month in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (oldFen, oldOpen) = old.GetValueOrDefault(month);
            var (newFen, newOpen) = now.GetValueOrDefault(month);
            if (oldFen == newFen && oldOpen == newOpen)
            {
                continue;
            }

            var change = await session.LoadAsync<GovernmentDebtMonthChange>(month, cancellationToken) ?? new GovernmentDebtMonthChange(month, 0, 0);
            session.Store(month, change with
            {
                OutstandingChangeFen = change.OutstandingChangeFen + newFen - oldFen,
                OpenCasesChange = change.OpenCasesChange + newOpen - oldOpen,
            });
        }
    }

    /// <summary>
    /// A case's part in each month's change of the month-end totals, from the month it was opened to the month of its
    /// last movement (it stays constant after): at the end of a month it owes its balance as of its last movement dated
    /// in or before that month (interest to that movement, as the unit and department lists count it), and it is open
    /// until the month it was fully performed in.
    /// </summary>
    public static Dictionary<string, (long Fen, int Open)> MonthChanges(GovernmentDebtCase c)
    {
        var changes = new Dictionary<string, (long Fen, int Open)>(StringComparer.Ordinal);
        var first = new DateOnly(c.OpenedOn.Year, c.OpenedOn.Month, 1);
        var lastDay = c.Movements.Select(m => m.On).Append(c.OpenedOn).Append(c.FullyPerformedOn ?? c.OpenedOn).Max();
        var (fen, open) = (0L, 0);
        for (var month = first; month <= lastDay; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var asOf = c.Movements.Where(m => m.On <= end).Select(m => m.On).Append(c.OpenedOn).Max();
            var monthFen = c.BalanceOn(asOf).OutstandingFen;
            var monthOpen = c.FullyPerformedOn is { } done && done <= end ? 0 : 1;
            changes[MonthKey(month)] = (monthFen - fen, monthOpen - open);
            (fen, open) = (monthFen, monthOpen);
        }

        return changes;
    }

    public static string MonthKey(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async ValueTask UpdatePublicListAsync(IDomainEvent @event, GovernmentDebtCaseView view, IDocumentSession session, CancellationToken cancellationToken)
    {
        var c = view.Case;
        switch (@event)
        {
            case ListingPublished published when c.Listing is { } listing:
                var decision = c.Documents.LastOrDefault(d => d.Purpose == CaseDocumentPurpose.ListingDecision);
                var balance = c.BalanceOn(published.PublishedOn);
                session.Store(listing.ListingId, new PublicListEntry(
                    listing.ListingId, c.CaseId, c.DebtorName, c.DebtorCreditCode, c.CourtCode, c.CaseNumber, view.JudgmentNumber,
                    $"依{view.JudgmentNumber}给付{view.CreditorName}人民币{Money.Format(c.PrincipalFen)}元" + (c.Interest is not null ? "及利息" : ""),
                    c.PrincipalFen, balance.PerformedFen, balance.OutstandingFen, (int)listing.Ground, listing.ListedOn, published.PublishedOn, decision?.DocumentNumber, decision?.VerificationCode));
                break;
            case RemovedFromList removed:
                session.Delete<PublicListEntry>(removed.ListingId);
                break;
            case PerformanceRecorded or SettlementReached or CaseDocumentIssued when c.Listing is { PublishedOn: not null } current
                && await session.LoadAsync<PublicListEntry>(current.ListingId, cancellationToken) is { } entry:
                var now = c.BalanceOn(c.Movements.LastOrDefault()?.On ?? entry.PublishedOn);
                var issued = c.Documents.LastOrDefault(d => d.Purpose == CaseDocumentPurpose.ListingDecision);
                session.Store(entry.ListingId, entry with
                {
                    PerformedFen = now.PerformedFen,
                    UnperformedFen = now.OutstandingFen,
                    DecisionNumber = entry.DecisionNumber ?? issued?.DocumentNumber,
                    DecisionCode = entry.DecisionCode ?? issued?.VerificationCode,
                });
                break;
        }
    }

    private static DateOnly ChinaDate(EventEnvelope envelope) => CourtTime.DateOf(envelope.Metadata.OccurredAt);
}
