using System.Globalization;
using Marketplace.Core.CallOffs;

namespace Marketplace.Functions.Pages.Shared;

/// <summary>Dates as the NHS style guide writes them: 3 March 2026.</summary>
public static class Dates
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Long(DateOnly date) => $"{date.Day.ToString(CultureInfo.InvariantCulture)} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A month as a chart labels it: March 2026.</summary>
    public static string Month(DateOnly date) => $"{Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A moment in UK time (GMT or BST), as commissioners and suppliers read and set deadlines: 15 January 2027 at 12:00
    /// UK time. Every page shows moments this way, so one journey never mixes UTC and UK time.
    /// </summary>
    public static string Uk(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, WorkingDays.UkTime);
        return $"{Long(UkDay(at))} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)} UK time";
    }

    /// <summary>The UK calendar day a moment falls on (an award at 00:30 BST on 2 June was made on 2 June, not 1 June).</summary>
    public static DateOnly UkDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, WorkingDays.UkTime).DateTime);

    /// <summary>
    /// A day and a 24-hour time typed in UK time as the UTC moment it names, or an error at <paramref name="timeField"/>
    /// (the day's own error is the date field's). Null when either is missing or wrong.
    /// </summary>
    public static DateTimeOffset? UkToUtc(DateOnly? day, string time, string timeField, List<FieldError> errors)
    {
        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add(new FieldError(timeField, "Time must be on the 24-hour clock, like 12:00 or 17:30"));
            return null;
        }
        if (day is not { } d)
        {
            return null;
        }
        var local = d.ToDateTime(at, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, WorkingDays.UkTime.GetUtcOffset(local)).ToUniversalTime();
    }
}
