using Court.Application.Timeline;
using Court.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Court.Web.Ui;

/// <summary>
/// A stream's events as sentences, newest first, with actor, agency and time: <c>@await Component.InvokeAsync("Timeline", new { streamId })</c>.
/// The page must already have checked that the caller may see the stream.
/// </summary>
public sealed class TimelineViewComponent(TimelineReader reader, CourtDbContext db) : ViewComponent
{
    public sealed record Line(string Actor, string? Agency, DateTimeOffset At, string Sentence);

    public async Task<IViewComponentResult> InvokeAsync(string streamId, int maxCount = 200)
    {
        var entries = await reader.ReadAsync(streamId, maxCount, cancellationToken: HttpContext.RequestAborted);
        var names = entries.Select(e => e.UserId).Distinct().ToList();
        var displayNames = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && names.Contains(u.UserName))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, HttpContext.RequestAborted);
        var lines = entries.Select(e => new Line(
            displayNames.GetValueOrDefault(e.UserId) is { Length: > 0 } name ? name : e.UserId,
            CourtCulture.AgencyName(e.Agency),
            e.OccurredAt,
            e.Sentence)).ToList();
        return View(lines);
    }
}
