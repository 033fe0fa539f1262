using Court.Domain.Calendars;
using Court.Infrastructure.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Court.Application.Tests.Calendars;

/// <summary>The start-up warning that next year's working-day calendar is missing (decision 0091).</summary>
public sealed class CalendarNoticeWarningTests
{
    private static readonly WorkingDayCalendar Through2026 = new([2026], [], []);

    [Fact]
    public async Task From_1_October_start_up_warns_that_next_years_calendar_is_missing()
    {
        var logger = new RecordingLogger();

        // 00:30 on 1 October in Chongqing is still 30 September in UTC: the court's date counts.
        await new CalendarNoticeWarning(Through2026, new FakeTimeProvider(new DateTimeOffset(2026, 9, 30, 16, 30, 0, TimeSpan.Zero)), logger).StartAsync(CancellationToken.None);

        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("CN-2027.json", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_October_or_with_next_years_calendar_loaded_start_up_says_nothing()
    {
        var logger = new RecordingLogger();

        await new CalendarNoticeWarning(Through2026, new FakeTimeProvider(new DateTimeOffset(2026, 9, 30, 15, 30, 0, TimeSpan.Zero)), logger).StartAsync(CancellationToken.None);
        await new CalendarNoticeWarning(new WorkingDayCalendar([2026, 2027], [], []), new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)), logger).StartAsync(CancellationToken.None);

        Assert.Empty(logger.Entries);
    }

    private sealed class RecordingLogger : ILogger<CalendarNoticeWarning>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
