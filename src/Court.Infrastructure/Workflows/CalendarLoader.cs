using System.Globalization;
using System.Text.Json;
using Court.Domain.Calendars;

namespace Court.Infrastructure.Workflows;

/// <summary>Builds the <see cref="WorkingDayCalendar"/> from <c>calendars/CN-YYYY.json</c> under the workflows folder.</summary>
public static class CalendarLoader
{
    public static WorkingDayCalendar Load(string calendarsFolder, string region = "CN")
    {
        if (!Directory.Exists(calendarsFolder))
        {
            throw new InvalidOperationException($"The working-day calendars folder {calendarsFolder} does not exist.");
        }

        var years = new List<int>();
        var off = new List<DateOnly>();
        var work = new List<DateOnly>();
        foreach (var file in Directory.EnumerateFiles(calendarsFolder, region + "-*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var year = root.GetProperty("year").GetInt32();
            years.Add(year);
            off.AddRange(Dates(file, root, "daysOff", year));
            work.AddRange(Dates(file, root, "workingDays", year));
        }

        return years.Count == 0
            ? throw new InvalidOperationException($"No {region}-YYYY.json calendar in {calendarsFolder}.")
            : new WorkingDayCalendar(years, off, work);
    }

    private static IEnumerable<DateOnly> Dates(string file, JsonElement root, string property, int year)
    {
        foreach (var element in root.GetProperty(property).EnumerateArray())
        {
            var date = DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date.Year != year)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {property} lists {date:yyyy-MM-dd}, which is not in {year}.");
            }

            yield return date;
        }
    }
}
