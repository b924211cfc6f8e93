using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>
/// Candidates prepared once and shared by many scorings (a decoded lot's). That they score exactly as unprepared ones
/// is proven against the scorer before issue 15 in <see cref="SameShortlistAsBefore"/>.
/// </summary>
public sealed class PreparedCandidatesTests
{
    [Fact]
    public void Scoring_refuses_candidates_prepared_from_other_offerings()
    {
        var template = Template(Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 1));
        var input = Input([Offering("off-1"), Offering("off-2")]);
        var prepared = PreparedCandidates.Of([input.Offerings[0]], input.Attestations);

        var refused = Assert.Throws<ArgumentException>(() => Scorer.Score(template, Specification(template), input with { Prepared = prepared }));

        Assert.Equal("input", refused.ParamName);
    }

    [Fact]
    public void Preparing_refuses_an_offering_listed_twice_as_scoring_does()
    {
        var input = Input([Offering("off-2"), Offering("off-1"), Offering("off-2")]);

        var refused = Assert.Throws<ArgumentException>(() => PreparedCandidates.Of(input.Offerings, input.Attestations));

        Assert.Contains("'off-2' is a candidate twice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_vocabulary_scoring_reads_as_a_mask_fits_in_64_bits()
    {
        // Slug criteria are mask tests over a bit per vocabulary slug, with no fallback: a vocabulary past 64 needs one.
        Assert.All(SlugBits.Sizes, size => Assert.InRange(size, 1, 64));
    }
}
