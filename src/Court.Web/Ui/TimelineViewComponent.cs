using Court.Application.Common;
using Court.Application.Timeline;
using Microsoft.AspNetCore.Mvc;

namespace Court.Web.Ui;

/// <summary>
/// A stream's events as sentences, newest first, with actor, agency and time: <c>@await Component.InvokeAsync("Timeline", new { streamId })</c>.
/// The page must already have checked that the caller may see the stream.
/// </summary>
public sealed class TimelineViewComponent(TimelineReader reader, IPeople people) : ViewComponent
{
    public sealed record Line(string Actor, string? Agency, DateTimeOffset At, string Sentence);

    public async Task<IViewComponentResult> InvokeAsync(string streamId, int maxCount = 200)
    {
        var entries = await reader.ReadAsync(streamId, maxCount, cancellationToken: HttpContext.RequestAborted);
        var names = await people.NamesAsync(entries.Select(e => e.UserId), HttpContext.RequestAborted);
        var lines = entries.Select(e => new Line(names[e.UserId], CourtCulture.AgencyName(e.Agency), e.OccurredAt, e.Sentence)).ToList();
        return View(lines);
    }
}
