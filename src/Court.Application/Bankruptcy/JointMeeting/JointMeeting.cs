using System.Text.Json.Serialization;
using Court.Application.Bankruptcy.Documents;
using Court.Application.Bankruptcy.ReadModels;
using Court.Application.Common;
using Court.Application.Documents;
using Court.Application.Pipeline;
using Court.Application.Projections;
using Court.Domain.Bankruptcy;
using Court.Domain.Common;
using Court.Domain.Documents;
using Court.Domain.Identifiers;
using FluentValidation;
using Mediator;

namespace Court.Application.Bankruptcy.JointMeeting;

/// <summary>
/// The joint court–government meeting's agenda a page at a time (open items first, then by placing time:
/// <c>sort=agenda</c>; or <c>sort=placed</c>), with its figures over the whole court, counted in SQL.
/// </summary>
public sealed record GetAgenda(bool IncludeResolved = false, PageParameters? Page = null) : IQuery<Agenda>
{
    public static readonly ListSorts Sorts = new(AgendaItemView.SortByAgenda, AgendaItemView.SortByPlaced);
}

public sealed class GetAgendaValidator : AbstractValidator<GetAgenda>
{
    public GetAgendaValidator() => RuleFor(q => q.Page).PagedBy(GetAgenda.Sorts);
}

/// <param name="Items">One page of the agenda.</param>
/// <param name="Next">The cursor of the next page (<c>after</c>); null on the last.</param>
/// <param name="Total">Every item the list holds, when asked (<c>total=true</c>).</param>
public sealed record Agenda(IReadOnlyList<AgendaItemView> Items, string? Next, long? Total, AgendaFigures Figures)
{
    public bool HasMore => Next is not null;
}

/// <param name="OpenItemsByParty">Open agenda items per agency (or seizing body).</param>
/// <param name="OverdueNoticesByAgency">Notices past their acknowledgement or execution deadline, per agency.</param>
/// <param name="MedianDaysToRelease">Median calendar days from a release request to its release; null before the first.</param>
public sealed record AgendaFigures(
    IReadOnlyDictionary<string, int> OpenItemsByParty,
    IReadOnlyDictionary<string, int> OverdueNoticesByAgency,
    int OpenReleaseRequests,
    int ReleasesCompleted,
    double? MedianDaysToRelease,
    int OverdueNotices,
    int RulingsDue);

/// <summary>The meeting's decision on an item, as its minutes record it, with actions for named owners.</summary>
public sealed record RecordMeetingDecision(DateOnly? MeetingOn, [property: MultiLine] string? Minutes, IReadOnlyList<MeetingActionInput>? Actions) : ICommand<Changed>
{
    [JsonIgnore]
    public string ItemId { get; init; } = "";
}

/// <param name="Owner">The responsible unit: an agency's code (e.g. nrb-jiangjin); its officers get the action as a task.</param>
public sealed record MeetingActionInput(string? Owner, string? Description, DateOnly? DueOn);

/// <summary>An owner reports an action of the meeting done.</summary>
public sealed record CompleteMeetingAction([property: MultiLine] string? Note) : ICommand<Changed>
{
    [JsonIgnore]
    public string ItemId { get; init; } = "";

    [JsonIgnore]
    public string ActionId { get; init; } = "";
}

public sealed class RecordMeetingDecisionValidator : AbstractValidator<RecordMeetingDecision>
{

    public RecordMeetingDecisionValidator()
    {
        RuleFor(x => x.MeetingOn).NotNull();
        RuleFor(x => x.Minutes).Text(5000);
        RuleFor(x => x.Actions).NotNull().Must(a => a is null || a.Count <= 20).WithMessage(_ => Language.Say("每项决议最多 20 项议定事项。", "At most 20 actions per decision."));
        RuleForEach(x => x.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.Owner).NotEmpty().Text(100)
                .Must(owner => Agencies.Find(owner) is not null).WithMessage(x => Language.Say(
                    $"“负责单位”须为协作单位代码之一：{string.Join("、", Agencies.All.Select(a => a.Code))}。",
                    $"'owner' must be one of the agencies' codes: {string.Join(", ", Agencies.All.Select(a => a.Code))}."));
            a.RuleFor(x => x.Description).Text(500);
            a.RuleFor(x => x.DueOn).NotNull();
        });
    }
}

public sealed class CompleteMeetingActionValidator : AbstractValidator<CompleteMeetingAction>
{
    public CompleteMeetingActionValidator() => RuleFor(x => x.Note).Text(1000);
}

/// <summary>The agenda's page and figures: read from the list keys, so their cost follows the page, not the court.</summary>
public sealed class AgendaQueries(IReadModels reads, TimeProvider clock) : IQueryHandler<GetAgenda, Agenda>
{
    public async ValueTask<Agenda> Handle(GetAgenda query, CancellationToken cancellationToken)
    {
        var request = (query.Page ?? new PageParameters()).ToRequest(GetAgenda.Sorts) with { Partitions = query.IncludeResolved ? null : ["open"] };
        var page = await reads.PageAsync<AgendaItemView>(request, cancellationToken);
        return new Agenda(page.Items, page.Next, page.Total, await FiguresAsync(cancellationToken));
    }

    /// <summary>The meeting's figures over the whole court: counts and a median read from the list keys, no document loaded.</summary>
    private async Task<AgendaFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var openItems = await reads.CountByAsync<AgendaItemView>(new PageRequest(AgendaItemView.SortByAgenda) { Partitions = ["open"] }, AgendaItemView.PartyKey, cancellationToken);
        var overdue = await reads.CountByAsync<NoticeView>(new PageRequest(NoticeView.SortByDue) { Below = NoticeView.OverdueBelow(clock.GetUtcNow()) }, null, cancellationToken);
        var open = await reads.CountAsync<ReleaseRequestView>(new PageRequest(ReleaseRequestView.SortByDue) { Below = ReleaseRequestView.OpenBelow }, cancellationToken);
        var rulingsDue = new PageRequest(ReleaseRequestView.StageKey);
        rulingsDue.Filters[ReleaseRequestView.StageKey] = [ReleaseStates.RulingDue];
        var released = new PageRequest(ReleaseRequestView.TimeToReleaseKey) { Below = ListKey.Absent };
        var releases = await reads.CountAsync<ReleaseRequestView>(released, cancellationToken);
        return new AgendaFigures(
            openItems.ToDictionary(c => c.Key, c => (int)c.Value),
            overdue.ToDictionary(c => c.Key, c => (int)c.Value),
            (int)open,
            (int)releases,
            releases == 0 ? null : Math.Round(releases % 2 == 1 ? await DaysAtAsync(releases / 2) : (await DaysAtAsync((releases / 2) - 1) + await DaysAtAsync(releases / 2)) / 2, 1),
            (int)overdue.Values.Sum(),
            (int)await reads.CountAsync<ReleaseRequestView>(rulingsDue, cancellationToken));

        async Task<double> DaysAtAsync(long index) =>
            TimeSpan.FromTicks(ListKey.DecodeNumber(await reads.ValueAtAsync<ReleaseRequestView>(released, index, cancellationToken)
                ?? throw new InvalidOperationException("A release counted a moment ago is gone."))).TotalDays;
    }
}

public sealed class JointMeetingHandlers(IReadModels reads, AggregateStore aggregates, DocumentIssuer documents, ICallerContext caller) :
    ICommandHandler<RecordMeetingDecision, Changed>,
    ICommandHandler<CompleteMeetingAction, Changed>
{
    public async ValueTask<Changed> Handle(RecordMeetingDecision command, CancellationToken cancellationToken)
    {
        var item = await reads.GetAsync<AgendaItemView>(command.ItemId, cancellationToken) ?? throw new ResourceNotFoundException("No such agenda item.");
        var actions = command.Actions!.Select((a, i) => new MeetingAction($"{item.Decisions.Count + 1}-{i + 1}", Agencies.Find(a.Owner!.Trim())!.Code, a.Description!.Trim(), a.DueOn!.Value)).ToList();
        var record = new AgendaCommand.RecordDecision(command.MeetingOn!.Value, command.Minutes!.Trim(), actions, caller.UserId);
        var version = await aggregates.ExecuteAsync<AgendaItem>(command.ItemId, (s, now) => AgendaDecider.Decide(s, record, now), cancellationToken: cancellationToken);
        var court = CaseNumber.Parse(item.CaseNumber).Value.Court.Code;
        await documents.IssueAsync(
            new DocumentToIssue(DocumentKind.MeetingMinutes, court, AgendaItem.StreamPrefix + item.Id, BankruptcyDocuments.MeetingMinutes(item.CaseNumber, item.Summary, record.MeetingOn, record.Minutes, actions), AgendaItemView.MinutesDocumentId(item.Id, version)),
            cancellationToken);
        return new Changed(command.ItemId, version);
    }

    public async ValueTask<Changed> Handle(CompleteMeetingAction command, CancellationToken cancellationToken)
    {
        var complete = new AgendaCommand.CompleteAction(command.ActionId, command.Note!.Trim(), caller.UserId);
        var version = await aggregates.ExecuteAsync<AgendaItem>(command.ItemId, (s, now) => AgendaDecider.Decide(s, complete, now), cancellationToken: cancellationToken);
        return new Changed(command.ItemId, version);
    }

}

/// <summary>
/// Who may report a meeting's action done: court staff and the supervision office on any item; an agency's officer
/// only an action the meeting gave his agency (another's is hidden, 404).
/// </summary>
public sealed class CompleteMeetingActionRule(IReadModels reads) : IAuthorizationRule<CompleteMeetingAction>
{
    private static readonly string[] Staff = [Roles.Judge, Roles.Clerk, Roles.SupervisionOfficer];

    public async ValueTask<AuthorizationOutcome> EvaluateAsync(CompleteMeetingAction message, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (Access.RolesOnly(caller, Staff) == AuthorizationOutcome.Allowed)
        {
            return AuthorizationOutcome.Allowed;
        }

        if (!caller.IsInRole(Roles.AgencyOfficer) || caller.Agency is null)
        {
            return AuthorizationOutcome.Forbidden;
        }

        if (message.ItemId.Length == 0)
        {
            return AuthorizationOutcome.Allowed; // "may he ever?" for a page: his own actions
        }

        var item = await reads.GetAsync<AgendaItemView>(message.ItemId, cancellationToken);
        return item?.Actions.Any(a => a.ActionId == message.ActionId && a.Owner == caller.Agency) == true
            ? AuthorizationOutcome.Allowed
            : AuthorizationOutcome.Hidden;
    }
}

/// <summary>
/// The minutes of a joint meeting are read by those who sit in it (the agenda's readers) and by the officers of an
/// agency the minutes give an action to; the issuing court's staff read them on the documents' own rule.
/// </summary>
public sealed class MeetingMinutesReadGrant(IReadModels reads) : IDocumentReadGrant
{
    public async ValueTask<bool> MayReadAsync(IssuedDocument document, ICallerContext caller, CancellationToken cancellationToken)
    {
        if (document.Kind != DocumentKind.MeetingMinutes || !document.SourceStreamId.StartsWith(AgendaItem.StreamPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (caller.IsInRole(Roles.SupervisionOfficer) || caller.IsInRole(Roles.CourtPresident))
        {
            return true;
        }

        var item = await reads.GetAsync<AgendaItemView>(document.SourceStreamId[AgendaItem.StreamPrefix.Length..], cancellationToken);
        return caller.IsInRole(Roles.AgencyOfficer) && caller.Agency is { } agency && item?.Actions.Any(a => a.Owner == agency) == true;
    }
}
