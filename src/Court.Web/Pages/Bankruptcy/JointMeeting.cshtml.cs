using System.Text.Json;
using Court.Application.Bankruptcy;
using Court.Application.Bankruptcy.JointMeeting;
using Court.Application.Common;
using Court.Application.Projections;
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

    /// <summary>Whether resolved items are listed too (kept across pages).</summary>
    public bool Resolved { get; private set; }

    public bool MayDecide { get; private set; }

    public bool MayComplete { get; private set; }

    /// <summary>The chart's data as JSON for wwwroot/js/bankruptcy.js: open items and overdue notices per party.</summary>
    public string ChartData { get; private set; } = "{}";

    public async Task OnGetAsync(bool resolved, string? after, CancellationToken ct)
    {
        try
        {
            await LoadAsync(resolved, ct, after);
        }
        catch (FluentValidation.ValidationException validation)
        {
            // A stale or altered cursor: say so and show the first page.
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError("", error.ErrorMessage);
            }

            await LoadAsync(resolved, ct);
        }
    }

    /// <summary>How many action rows the decision form offers; the API takes up to 20.</summary>
    public const int ActionRows = 3;

    public Task<IActionResult> OnPostDecisionAsync(string itemId, DateOnly? meetingOn, string? minutes, string?[]? owner, string?[]? description, DateOnly?[]? dueOn, CancellationToken ct)
    {
        // A row left blank is no action; a row half filled is sent, so the validator names what is missing.
        IReadOnlyList<MeetingActionInput> actions = [.. Enumerable.Range(0, ActionRows)
            .Select(i => new MeetingActionInput(owner?.ElementAtOrDefault(i), description?.ElementAtOrDefault(i), dueOn?.ElementAtOrDefault(i)))
            .Where(a => !string.IsNullOrWhiteSpace(a.Owner) || !string.IsNullOrWhiteSpace(a.Description) || a.DueOn is not null)];
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

    private async Task LoadAsync(bool resolved, CancellationToken ct, string? after = null)
    {
        Resolved = resolved;
        Agenda = await sender.Send(new GetAgenda(resolved, new PageParameters(After: after)), ct);
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
