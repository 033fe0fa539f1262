using System.Text.Json;
using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Common;
using Court.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Pages.Bankruptcy;

/// <summary>The joint court–government meeting: its agenda of overdue matters, decisions (minutes) with actions, and its figures as a chart.</summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.Judge},{Roles.SupervisionOfficer},{Roles.CourtPresident}")]
public sealed class JointMeetingModel(ISender sender, BankruptcyPermissions permissions) : BankruptcyPageModel
{
    public Agenda Agenda { get; private set; } = null!;

    public bool MayDecide { get; private set; }

    public bool MayComplete { get; private set; }

    /// <summary>The chart's data as JSON for wwwroot/js/bankruptcy.js: open items and overdue notices per party.</summary>
    public string ChartData { get; private set; } = "{}";

    public async Task OnGetAsync(bool resolved, CancellationToken ct) => await LoadAsync(resolved, ct);

    public Task<IActionResult> OnPostDecisionAsync(string itemId, DateOnly? meetingOn, string? minutes, string? owner, string? description, DateOnly? dueOn, CancellationToken ct)
    {
        IReadOnlyList<MeetingActionInput> actions = string.IsNullOrWhiteSpace(owner) && string.IsNullOrWhiteSpace(description) ? [] : [new MeetingActionInput(owner, description, dueOn)];
        return RunAsync(
            () => sender.Send(new RecordMeetingDecision(meetingOn, minutes, actions) { ItemId = itemId }, ct).AsTask(),
            () => RedirectToPage(),
            async () =>
            {
                await LoadAsync(false, ct);
                return Page();
            });
    }

    public Task<IActionResult> OnPostCompleteAsync(string itemId, string actionId, string? note, CancellationToken ct) =>
        RunAsync(
            () => sender.Send(new CompleteMeetingAction(note) { ItemId = itemId, ActionId = actionId }, ct).AsTask(),
            () => RedirectToPage(),
            async () =>
            {
                await LoadAsync(false, ct);
                return Page();
            });

    private async Task LoadAsync(bool resolved, CancellationToken ct)
    {
        Agenda = await sender.Send(new GetAgenda(resolved), ct);
        MayDecide = await permissions.MayAsync(new RecordMeetingDecision(null, null, null), ct);
        MayComplete = await permissions.MayAsync(new CompleteMeetingAction(null), ct);
        var parties = Agenda.Figures.OpenItemsByParty.Keys.Union(Agenda.Figures.OverdueNoticesByAgency.Keys).Order(StringComparer.Ordinal).ToList();
        ChartData = JsonSerializer.Serialize(new
        {
            labels = parties.Select(p => CourtCulture.AgencyName(p) ?? p),
            series = new[]
            {
                new { label = CourtCulture.IsChinese ? "未决议题" : "Open agenda items", data = parties.Select(p => Agenda.Figures.OpenItemsByParty.GetValueOrDefault(p)) },
                new { label = CourtCulture.IsChinese ? "逾期通知书" : "Overdue notices", data = parties.Select(p => Agenda.Figures.OverdueNoticesByAgency.GetValueOrDefault(p)) },
            },
        });
    }
}
