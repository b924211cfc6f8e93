using System.Globalization;

namespace Marketplace.Functions.Pages.Shared;

/// <summary>Dates as the NHS style guide writes them: 3 March 2026.</summary>
public static class Dates
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Long(DateOnly date) => $"{date.Day.ToString(CultureInfo.InvariantCulture)} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A month as a chart labels it: March 2026.</summary>
    public static string Month(DateOnly date) => $"{Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    public static string Long(DateTimeOffset at) => $"{Long(DateOnly.FromDateTime(at.UtcDateTime))} at {at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";
}
