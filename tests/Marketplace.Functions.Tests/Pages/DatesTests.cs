using Marketplace.Functions.Pages.Shared;

namespace Marketplace.Functions.Tests.Pages;

/// <summary>Moments on every page are shown in UK time, the clock commissioners and suppliers work to.</summary>
public sealed class DatesTests
{
    [Fact]
    public void A_winter_moment_reads_as_GMT()
    {
        Assert.Equal("15 January 2027 at 12:00 UK time", Dates.Uk(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_summer_moment_reads_an_hour_ahead_of_UTC()
    {
        Assert.Equal("1 June 2026 at 10:15 UK time", Dates.Uk(new DateTimeOffset(2026, 6, 1, 9, 15, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Just_before_midnight_UTC_in_summer_is_already_the_next_UK_day()
    {
        var at = new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 6, 2), Dates.UkDay(at));
        Assert.Equal("2 June 2026 at 00:30 UK time", Dates.Uk(at));
    }
}
