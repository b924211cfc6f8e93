using Marketplace.Storage.Shortlisting;

namespace Marketplace.Storage.Tests.Shortlisting;

/// <summary>How many decoded offerings an instance keeps for shortlists when none is configured, from the memory the GC may use.</summary>
public sealed class KeptOfferingsTests
{
    private const long MiB = 1024 * 1024;
    // The largest lot at 100,000 offerings (lot 3 of the generated catalogue).
    private const long LargestLotAt100000 = 22_418;

    [Fact]
    public void A_2048_MB_flex_instance_keeps_every_offering_at_100000()
    {
        // Under a container limit the GC may use 75 % of it.
        Assert.InRange(CandidateProjection.KeptOfferingsFor(2048 * MiB * 3 / 4), 100_000, 200_000);
    }

    [Fact]
    public void A_512_MB_instance_keeps_the_largest_lot_at_100000_but_not_two()
    {
        Assert.InRange(CandidateProjection.KeptOfferingsFor(512 * MiB * 3 / 4), LargestLotAt100000, 2 * LargestLotAt100000 - 1);
    }
}
