using Court.Domain.Calendars;
using Court.Domain.Fees;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Court.Infrastructure.Workflows;

/// <summary>
/// Warns operators at start-up, from 1 October, that next year's <c>calendars/CN-YYYY.json</c> is missing: until it is
/// loaded, deadlines in that year are computed from the statutory holidays alone and shown as provisional (decision 0091).
/// </summary>
public sealed partial class CalendarNoticeWarning(WorkingDayCalendar calendar, TimeProvider clock, ILogger<CalendarNoticeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (calendar.MissingNoticeOn(ChinaTime.DateOf(clock.GetUtcNow())) is { } year)
        {
            NoticeMissing(logger, year);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No working-day calendar for {Year} (workflows/calendars/CN-{Year}.json): deadlines in {Year} are computed from the statutory holidays only and shown as provisional. Add the file once the State Council publishes its holiday notice for {Year}.")]
    private static partial void NoticeMissing(ILogger logger, int year);
}
