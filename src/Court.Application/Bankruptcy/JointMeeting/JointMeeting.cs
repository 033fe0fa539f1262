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

/// <summary>The joint court–government meeting's agenda (open items first) and its figures.</summary>
public sealed record GetAgenda(bool IncludeResolved = false) : IQuery<Agenda>;

public sealed record Agenda(IReadOnlyList<AgendaItemView> Items, AgendaFigures Figures);

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

public sealed class JointMeetingHandlers(IReadModels reads, AggregateStore aggregates, DocumentIssuer documents, ICallerContext caller, TimeProvider clock) :
    IQueryHandler<GetAgenda, Agenda>,
    ICommandHandler<RecordMeetingDecision, Changed>,
    ICommandHandler<CompleteMeetingAction, Changed>
{
    public async ValueTask<Agenda> Handle(GetAgenda query, CancellationToken cancellationToken)
    {
        var items = (await reads.ListAsync<AgendaItemView>("open", cancellationToken)).ToList();
        if (query.IncludeResolved)
        {
            items.AddRange(await reads.ListAsync<AgendaItemView>("resolved", cancellationToken));
        }

        var now = clock.GetUtcNow();
        var notices = await reads.ListAsync<NoticeView>(null, cancellationToken);
        var requests = await reads.ListAsync<ReleaseRequestView>(null, cancellationToken);
        var days = requests.Where(r => r.ReleasedAt is not null).Select(r => (r.ReleasedAt!.Value - r.RequestedAt).TotalDays).Order().ToList();
        var figures = new AgendaFigures(
            items.Where(i => !i.Resolved).GroupBy(i => i.Party).ToDictionary(g => g.Key, g => g.Count()),
            notices.Where(n => n.IsOverdueAt(now)).GroupBy(n => n.Agency).ToDictionary(g => g.Key, g => g.Count()),
            requests.Count(r => !r.IsFinal),
            days.Count,
            days.Count == 0 ? null : Math.Round(days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2, 1),
            notices.Count(n => n.IsOverdueAt(now)),
            requests.Count(r => r.Stage == ReleaseStates.RulingDue));
        return new Agenda([.. items.OrderBy(i => i.Resolved).ThenBy(i => i.PlacedAt)], figures);
    }

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
