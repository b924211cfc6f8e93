using FsCheck.Xunit;
using Marketplace.Core.CallOffs;

namespace Marketplace.Core.Tests.CallOffs;

/// <summary>Standstill in England and Wales working days, from the maintained bank-holiday table.</summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Calendar = WorkingDays.EnglandAndWales;

    [Fact]
    public void Eight_working_days_from_a_Monday_without_holidays_end_on_the_Wednesday_of_the_next_week()
    {
        // 2026-11-02 is a Monday; 2..6 and 9..11 November are eight working days.
        Assert.Equal(new DateOnly(2026, 11, 11), Calendar.LastOfPeriod(new DateOnly(2026, 11, 2), 8));
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 0, 0, 0, TimeSpan.Zero), Calendar.StandstillEnds(new DateTimeOffset(2026, 11, 2, 15, 30, 0, TimeSpan.Zero), 8));
    }

    [Fact]
    public void In_summer_time_a_decision_published_after_23_00_UTC_counts_from_the_next_UK_day_and_standstill_ends_at_midnight_UK_time()
    {
        // 23:30 UTC on Monday 1 June 2026 is 00:30 BST on Tuesday 2 June: 2..5 and 8..11 June are the eight working days,
        // and midnight at the end of 11 June in the UK is 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 23, 0, 0, TimeSpan.Zero), Calendar.StandstillEnds(new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero), 8));
        Assert.Equal(new DateOnly(2026, 6, 2), WorkingDays.UkDate(new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Christmas_and_the_substitute_Boxing_Day_do_not_count()
    {
        // 2026: Friday 25 December and Monday 28 December (Boxing Day falls on a Saturday) are bank holidays, and 1 January 2027.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 12, 28)));
        // Published Wednesday 23 Dec: 23, 24, 29, 30, 31 Dec, 4, 5, 6 Jan.
        Assert.Equal(new DateOnly(2027, 1, 6), Calendar.LastOfPeriod(new DateOnly(2026, 12, 23), 8));
    }

    [Fact]
    public void Easter_2027_Good_Friday_and_Easter_Monday_do_not_count()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 3, 26)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 3, 29)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 3, 30)));
    }

    [Fact]
    public void A_period_past_the_table_is_refused_rather_than_guessed()
    {
        Assert.Null(Calendar.IsWorkingDay(new DateOnly(Calendar.LastYear + 1, 6, 1)));
        Assert.Null(Calendar.LastOfPeriod(new DateOnly(Calendar.LastYear, 12, 27), 8));
    }

    [Fact]
    public void The_table_lists_eight_weekday_bank_holidays_a_year()
    {
        for (var year = Calendar.FirstYear; year <= Calendar.LastYear; year++)
        {
            var start = new DateOnly(year, 1, 1);
            var holidays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(start.AddDays)
                .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Calendar.IsWorkingDay(d) == false);
            Assert.True(holidays == 8, $"{year}: {holidays}");
        }
    }

    [Property]
    public bool The_standstill_always_spans_exactly_the_working_days_asked_and_ends_on_one(int offset, byte length)
    {
        var start = new DateOnly(2025, 1, 1).AddDays(Math.Abs(offset % 1400));
        var count = length % 20 + 1;
        var last = Calendar.LastOfPeriod(start, count)!.Value;
        var counted = Enumerable.Range(0, last.DayNumber - start.DayNumber + 1).Count(i => Calendar.IsWorkingDay(start.AddDays(i)) == true);
        return counted == count && Calendar.IsWorkingDay(last) == true;
    }
}
