using Court.Application.Common;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Application.Workflows;
using Court.Domain.Common;
using Court.Domain.Fees;
using Court.Domain.GovernmentDebtors;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.GovernmentDebtors;

/// <summary>One case in full: amounts to today (interest included), the reports due, the payments, documents, listing and the unit's leaders during the debt.</summary>
public sealed record GetGovernmentDebtCase(string CaseId) : IQuery<GovernmentDebtCaseDetail>, IGovernmentDebtCaseMessage, Auditing.IAuditedRead<GovernmentDebtCaseDetail>
{
    Auditing.ReadSubject Auditing.IAuditedRead<GovernmentDebtCaseDetail>.AuditedAs(GovernmentDebtCaseDetail response) =>
        new(Auditing.ReadSubject.GovernmentDebtCase, CaseId, Court.Domain.GovernmentDebtors.GovernmentDebtCase.StreamPrefix + CaseId);
}

public sealed record GovernmentDebtCaseDetail(
    string Id,
    string CaseNumber,
    string CourtCode,
    string DebtorName,
    string DebtorCreditCode,
    string DebtorKind,
    string SupervisingUnit,
    string CreditorName,
    string JudgmentNumber,
    DateOnly EffectiveOn,
    DateOnly OpenedOn,
    decimal Principal,
    decimal Interest,
    decimal Performed,
    decimal Outstanding,
    int AgeDays,
    string State,
    string StateTitleZh,
    string StateTitleEn,
    string? Responsible,
    bool Final,
    int WorkflowVersion,
    DateOnly? PushedOn,
    DateOnly? EarliestMeasureOn,
    DateOnly? SupervisionStartedOn,
    DateOnly? PerformBy,
    DateOnly? NextMeetingDueOn,
    bool MeetingOverdue,
    IReadOnlyList<MonthlyReportDue> Reports,
    IReadOnlyList<DebtMovement> Movements,
    IReadOnlyList<CaseDocumentIssued> Documents,
    Listing? Listing,
    DateOnly? RemovalDueOn,
    IReadOnlyList<Removal> Removals,
    IReadOnlyList<LeaderTerm> LeadersDuringDebt,
    string NextStep,
    DateOnly NextOn,
    long Version);

/// <summary>
/// Flagged cases a page at a time: every case for court staff and the supervision office, a unit's own for its
/// officers. Sorts: next (what is due soonest, the docket's order), number, outstanding, age, report-due, meeting-due.
/// Filters: state, open (default true), unit (credit code); q searches number, debtor, supervising unit, creditor.
/// </summary>
public sealed record GetGovernmentDebtDocket(PageParameters? Page = null, string? State = null, bool? Open = null, string? Unit = null) : IQuery<Page<GovernmentDebtEntry>>
{
    public static readonly ListSorts Sorts = new(
        GovernmentDebtCaseView.SortByNext, GovernmentDebtCaseView.SortByNumber, GovernmentDebtCaseView.SortByOutstanding, GovernmentDebtCaseView.SortByAge,
        GovernmentDebtCaseView.SortByReportDue, GovernmentDebtCaseView.SortByMeetingDue);
}

public sealed class GetGovernmentDebtDocketValidator : AbstractValidator<GetGovernmentDebtDocket>
{
    public GetGovernmentDebtDocketValidator()
    {
        RuleFor(q => q.Page).PagedBy(GetGovernmentDebtDocket.Sorts);
        RuleFor(q => q.State).MaximumLength(40);
        RuleFor(q => q.Unit).MaximumLength(18);
    }
}

/// <summary>A docket row; <see cref="Outstanding"/> is to today with interest; flags say what is late.</summary>
public sealed record GovernmentDebtEntry(
    string Id,
    string CaseNumber,
    string DebtorName,
    string DebtorCreditCode,
    string SupervisingUnit,
    string State,
    string StateTitleZh,
    string StateTitleEn,
    string? Responsible,
    decimal Outstanding,
    int AgeDays,
    string NextStep,
    DateOnly NextOn,
    bool Overdue,
    int ReportsMissing,
    DateOnly? ReportDueOn,
    bool MeetingOverdue,
    DateOnly? MeetingDueOn,
    DateOnly? PerformBy,
    bool Listed,
    long Version);

/// <summary>The flagged units, a page at a time (the supervision office: all; a unit: itself). Sorts: outstanding, age, name.</summary>
public sealed record ListGovernmentDebtors(PageParameters? Page = null) : IQuery<Page<GovernmentDebtorEntry>>
{
    public static readonly ListSorts Sorts = new(GovernmentDebtorView.SortByOutstanding, GovernmentDebtorView.SortByAge, GovernmentDebtorView.SortByName);
}

public sealed class ListGovernmentDebtorsValidator : AbstractValidator<ListGovernmentDebtors>
{
    public ListGovernmentDebtorsValidator() => RuleFor(q => q.Page).PagedBy(ListGovernmentDebtors.Sorts);
}

/// <summary>
/// A unit's debts: outstanding as of each case's last movement, the oldest open judgment and how long it has stood,
/// and the leaders who held office since then (a debt outlives its leaders).
/// </summary>
public sealed record GovernmentDebtorEntry(
    string CreditCode,
    string Name,
    string Kind,
    string SupervisingUnit,
    Official? Leader,
    Official? Handler,
    int OpenCases,
    decimal Outstanding,
    DateOnly? OldestOpenSince,
    int? AgeDays,
    IReadOnlyList<LeaderTerm> LeadersDuringDebt,
    IReadOnlyList<UnitCase> Cases,
    long Version);

public sealed record GetGovernmentDebtor(string CreditCode) : IQuery<GovernmentDebtorEntry>, IGovernmentDebtorMessage;

/// <summary>Outstanding per supervising unit (department), largest first.</summary>
public sealed record ListGovernmentDebtDepartments : IQuery<IReadOnlyList<GovernmentDebtDepartmentEntry>>;

public sealed record GovernmentDebtDepartmentEntry(string Name, int Units, int OpenCases, decimal Outstanding);

/// <summary>Total outstanding and open cases at the end of every month from the first case's to this one, oldest first (the chart).</summary>
public sealed record GetGovernmentDebtTotals : IQuery<IReadOnlyList<GovernmentDebtMonthEntry>>;

public sealed record GovernmentDebtMonthEntry(string Month, decimal Outstanding, int OpenCases);

/// <summary>
/// The public list of dishonest government debtors: anonymous, published entries only, removed ones gone. The fields
/// the Supreme People's Court's list publishes; each links to its verifiable listing decision. Newest first.
/// </summary>
public sealed record GetPublicGovernmentDebtList(PageParameters? Page = null) : IQuery<Page<PublicListItem>>, IAllowAnonymous
{
    public static readonly ListSorts Sorts = new(PublicListEntry.SortByPublished, PublicListEntry.SortByName);
}

public sealed class GetPublicGovernmentDebtListValidator : AbstractValidator<GetPublicGovernmentDebtList>
{
    public GetPublicGovernmentDebtListValidator() => RuleFor(q => q.Page).PagedBy(GetPublicGovernmentDebtList.Sorts);
}

public sealed record PublicListItem(
    string Name,
    string CreditCode,
    string Court,
    string CaseNumber,
    string JudgmentNumber,
    string Obligation,
    decimal Performed,
    decimal Unperformed,
    string Ground,
    DateOnly PublishedOn,
    string? DecisionNumber,
    string? DecisionCode);

public sealed class GovernmentDebtQueries(IReadModels readModels, ICallerContext caller, GovernmentDebtCases cases, WorkflowCatalog catalog) :
    IQueryHandler<GetGovernmentDebtCase, GovernmentDebtCaseDetail>,
    IQueryHandler<GetGovernmentDebtDocket, Page<GovernmentDebtEntry>>,
    IQueryHandler<ListGovernmentDebtors, Page<GovernmentDebtorEntry>>,
    IQueryHandler<GetGovernmentDebtor, GovernmentDebtorEntry>,
    IQueryHandler<ListGovernmentDebtDepartments, IReadOnlyList<GovernmentDebtDepartmentEntry>>,
    IQueryHandler<GetGovernmentDebtTotals, IReadOnlyList<GovernmentDebtMonthEntry>>,
    IQueryHandler<GetPublicGovernmentDebtList, Page<PublicListItem>>
{
    public static readonly string[] GroundsZh = ["", "有履行能力而拒不履行", "以伪造证据、暴力、威胁等方法妨碍、抗拒执行", "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行", "违反财产报告制度", "违反限制消费令", "无正当理由拒不履行执行和解协议"];

    private DateTimeOffset Now => cases.Clock.GetUtcNow();

    private DateOnly Today => ChinaTime.DateOf(Now);

    public async ValueTask<GovernmentDebtCaseDetail> Handle(GetGovernmentDebtCase query, CancellationToken cancellationToken)
    {
        var view = await readModels.GetAsync<GovernmentDebtCaseView>(query.CaseId, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("government-debt.case-not-found", "没有这件政府机关失信执行案件。", "There is no such government-debtor enforcement case."));
        var c = view.Case;
        var context = cases.Context(Now, cases.Pinned(view.WorkflowVersion));
        var balance = c.BalanceOn(Today);
        var title = Title(view);
        var unit = await readModels.GetAsync<GovernmentDebtorView>(c.DebtorCreditCode, cancellationToken);
        return new GovernmentDebtCaseDetail(
            view.Id, c.CaseNumber, c.CourtCode, c.DebtorName, c.DebtorCreditCode, view.Kind, view.SupervisingUnit, view.CreditorName, view.JudgmentNumber,
            c.EffectiveOn, c.OpenedOn, Money.ToYuan(balance.PrincipalFen), Money.ToYuan(balance.InterestFen), Money.ToYuan(balance.PerformedFen), Money.ToYuan(balance.OutstandingFen),
            AgeDays(c), view.State, title.Zh, title.En, view.Responsible, view.Final, view.WorkflowVersion, c.PushedOn, SupervisionSchedule.EarliestMeasureOn(c, context),
            c.SupervisionStartedOn, view.PerformBy, c.NextMeetingDueOn, SupervisionSchedule.MeetingOverdue(c, Today), SupervisionSchedule.Reports(c, context),
            c.Movements, c.Documents, c.Listing, SupervisionSchedule.RemovalDueOn(c, context), c.Removals, unit?.Unit.LeadersSince(c.EffectiveOn) ?? [],
            view.NextStep, view.NextOn, view.Version);
    }

    public async ValueTask<Page<GovernmentDebtEntry>> Handle(GetGovernmentDebtDocket query, CancellationToken cancellationToken)
    {
        var partition = GovernmentDebtAccess.PartitionOf(caller);
        var request = (query.Page ?? new PageParameters()).ToRequest(GetGovernmentDebtDocket.Sorts) with { Partitions = partition is null ? null : [partition] };
        request.Filters[GovernmentDebtCaseView.OpenKey] = [query.Open == false ? "false" : "true"];
        if (GovernmentDebtAccess.CourtOf(caller) is { } court)
        {
            request.Filters[GovernmentDebtCaseView.CourtKey] = [court];
        }

        if (!string.IsNullOrWhiteSpace(query.State))
        {
            request.Filters[GovernmentDebtCaseView.StateKey] = [query.State.Trim()];
        }

        if (!string.IsNullOrWhiteSpace(query.Unit))
        {
            request.Filters[GovernmentDebtCaseView.UnitKey] = [query.Unit.Trim().ToUpperInvariant()];
        }

        var page = await readModels.PageAsync<GovernmentDebtCaseView>(request, cancellationToken);
        return page.Map(Entry);
    }

    /// <summary>A docket row, its flags worked out on the case's pinned rules for today.</summary>
    public GovernmentDebtEntry Entry(GovernmentDebtCaseView view)
    {
        var c = view.Case;
        var context = cases.Context(Now, cases.Pinned(view.WorkflowVersion));
        var title = Title(view);
        var missing = view.Final ? 0 : SupervisionSchedule.Reports(c, context).Count(r => r.Missing);
        return new GovernmentDebtEntry(
            view.Id, c.CaseNumber, c.DebtorName, c.DebtorCreditCode, view.SupervisingUnit, view.State, title.Zh, title.En, view.Responsible,
            Money.ToYuan(c.BalanceOn(Today).OutstandingFen), AgeDays(c), view.NextStep, view.NextOn, !view.Final && view.NextOn < Today && view.NextStep != "state",
            missing, view.Final ? null : view.ReportDueOn, !view.Final && SupervisionSchedule.MeetingOverdue(c, Today), view.Final ? null : view.MeetingDueOn,
            view.PerformBy, c.Listing is not null, view.Version);
    }

    public async ValueTask<Page<GovernmentDebtorEntry>> Handle(ListGovernmentDebtors query, CancellationToken cancellationToken)
    {
        var partition = GovernmentDebtAccess.PartitionOf(caller);
        var request = (query.Page ?? new PageParameters()).ToRequest(ListGovernmentDebtors.Sorts) with { Partitions = partition is null ? null : [partition] };
        return (await readModels.PageAsync<GovernmentDebtorView>(request, cancellationToken)).Map(UnitEntry);
    }

    public async ValueTask<GovernmentDebtorEntry> Handle(GetGovernmentDebtor query, CancellationToken cancellationToken) =>
        UnitEntry(await readModels.GetAsync<GovernmentDebtorView>(query.CreditCode, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound("government-debtor.not-flagged", "该单位不是已标注的政府机关被执行人。", "This unit is not a flagged government debtor.")));

    public async ValueTask<IReadOnlyList<GovernmentDebtDepartmentEntry>> Handle(ListGovernmentDebtDepartments query, CancellationToken cancellationToken) =>
        [.. (await readModels.ListAsync<GovernmentDebtDepartmentView>(cancellationToken: cancellationToken))
            .Select(d => new GovernmentDebtDepartmentEntry(d.Name, d.OutstandingByUnit.Count, d.OpenCases, Money.ToYuan(d.OutstandingFen)))
            .OrderByDescending(d => d.Outstanding).ThenBy(d => d.Name, StringComparer.Ordinal)];

    public async ValueTask<IReadOnlyList<GovernmentDebtMonthEntry>> Handle(GetGovernmentDebtTotals query, CancellationToken cancellationToken)
    {
        var changes = (await readModels.ListAsync<GovernmentDebtMonthChange>(cancellationToken: cancellationToken)).ToDictionary(c => c.Month, StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return [];
        }

        // Every month from the first case to this one, a month without movements carrying the last total on.
        var first = changes.Keys.Min(StringComparer.Ordinal)!;
        var last = changes.Keys.Append(GovernmentDebtProjection.MonthKey(Today)).Max(StringComparer.Ordinal)!;
        var totals = new List<GovernmentDebtMonthEntry>();
        var (fen, open) = (0L, 0);
        for (var month = DateOnly.ParseExact(first + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); string.CompareOrdinal(GovernmentDebtProjection.MonthKey(month), last) <= 0; month = month.AddMonths(1))
        {
            var key = GovernmentDebtProjection.MonthKey(month);
            if (changes.TryGetValue(key, out var change))
            {
                (fen, open) = (fen + change.OutstandingChangeFen, open + change.OpenCasesChange);
            }

            totals.Add(new GovernmentDebtMonthEntry(key, Money.ToYuan(fen), open));
        }

        return totals;
    }

    public async ValueTask<Page<PublicListItem>> Handle(GetPublicGovernmentDebtList query, CancellationToken cancellationToken)
    {
        var parameters = query.Page ?? new PageParameters();
        var request = parameters.ToRequest(GetPublicGovernmentDebtList.Sorts);
        if (parameters.Sort is null)
        {
            request = request with { Descending = true };
        }

        // One page read and nothing else: the entry carries its decision's verification code (decision 0081).
        return (await readModels.PageAsync<PublicListEntry>(request, cancellationToken)).Map(e => new PublicListItem(
            e.DebtorName, e.CreditCode, Domain.Identifiers.PeoplesCourts.Find(e.CourtCode)?.NameZh ?? e.CourtCode, Domain.Identifiers.CaseNumber.Print(e.CaseNumber), Domain.Identifiers.CaseNumber.Print(e.JudgmentNumber), e.Obligation,
            Money.ToYuan(e.PerformedFen), Money.ToYuan(e.UnperformedFen), GroundsZh[e.Ground], e.PublishedOn, e.DecisionNumber, e.DecisionCode));
    }

    private GovernmentDebtorEntry UnitEntry(GovernmentDebtorView v)
    {
        var since = v.OldestOpenSince;
        return new GovernmentDebtorEntry(
            v.Id, v.Unit.Name, v.Unit.Kind.ToString(), v.Unit.SupervisingUnit, v.Unit.Leader, v.Unit.Handler, v.OpenCases, Money.ToYuan(v.OutstandingFen), since,
            since is { } s ? Today.DayNumber - s.DayNumber : null, since is { } d ? v.Unit.LeadersSince(d) : [], [.. v.Cases.Values], v.Version);
    }

    private int AgeDays(GovernmentDebtCase c) => (c.FullyPerformedOn ?? Today).DayNumber - c.EffectiveOn.DayNumber;

    private LocalizedText Title(GovernmentDebtCaseView view) =>
        (catalog.Find(GovernmentDebtCases.WorkflowId, view.WorkflowVersion)?.FindState(view.State)?.Title) ?? new LocalizedText(view.State, view.State);
}
