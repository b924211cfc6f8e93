using System.Text.Json;

namespace Marketplace.Core.CallOffs;

/// <summary>
/// Working days in England and Wales: not a Saturday, Sunday or bank holiday (Procurement Act 2023 s.123 "working day").
/// The bank holidays come from the maintained table <c>bank-holidays-england-and-wales.json</c> embedded in this assembly.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> holidays;

    /// <summary>A calendar from a table covering <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public WorkingDays(IEnumerable<DateOnly> bankHolidays, int firstYear, int lastYear)
    {
        holidays = [.. bankHolidays];
        (FirstYear, LastYear) = (firstYear, lastYear);
    }

    /// <summary>The England and Wales table shipped with the app.</summary>
    public static WorkingDays EnglandAndWales { get; } = Load();

    /// <summary>First year the table covers.</summary>
    public int FirstYear { get; }
    /// <summary>Last year the table covers.</summary>
    public int LastYear { get; }

    /// <summary>Whether <paramref name="day"/> is a working day; null when the table does not cover its year.</summary>
    public bool? IsWorkingDay(DateOnly day) =>
        day.Year < FirstYear || day.Year > LastYear ? null
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>
    /// The last day of a period of <paramref name="count"/> working days beginning with <paramref name="start"/> (the start
    /// counts when it is a working day, as s.51(2) counts from the day the notice is published); null when the period runs
    /// past the table.
    /// </summary>
    public DateOnly? LastOfPeriod(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var day = start;
        var counted = 0;
        while (true)
        {
            switch (IsWorkingDay(day))
            {
                case null:
                    return null;
                case true when ++counted == count:
                    return day;
            }
            day = day.AddDays(1);
        }
    }

    /// <summary>UK local time (GMT, or BST in summer), in which working days and bank holidays are counted.</summary>
    public static TimeZoneInfo UkTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK calendar day <paramref name="at"/> falls on (after 23:00 UTC in summer it is already the next day in the UK).</summary>
    public static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime);

    /// <summary>
    /// When a standstill that begins on the UK day of <paramref name="publishedAt"/> ends: midnight UK time at the end of
    /// its last working day (as a UTC moment); null when the table does not reach.
    /// </summary>
    public DateTimeOffset? StandstillEnds(DateTimeOffset publishedAt, int workingDays)
    {
        if (LastOfPeriod(UkDate(publishedAt), workingDays) is not { } last)
        {
            return null;
        }
        var midnight = last.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, UkTime.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static WorkingDays Load()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("bank-holidays-england-and-wales.json")
            ?? throw new InvalidOperationException("The bank-holiday table is not embedded.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        return new WorkingDays(root.GetProperty("dates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            root.GetProperty("firstYear").GetInt32(), root.GetProperty("lastYear").GetInt32());
    }
}
