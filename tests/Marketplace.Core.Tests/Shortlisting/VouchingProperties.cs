using System.Text.Json;
using FsCheck.Xunit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using static Marketplace.Core.Tests.Shortlisting.Build;

namespace Marketplace.Core.Tests.Shortlisting;

/// <summary>
/// DOMAIN.md: associations vouch for membership and the 3millionlives commitment; that is shown, never a gate. Only the
/// suppliers' organisations are varied here: the attestations (and who decided them) stay exactly as generated, so a
/// difference could only come from the scorer reading memberships or commitments.
/// </summary>
public sealed class VouchingProperties
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] AssociationIds = ["tec-services-association", "abhi", "techuk", "medilink-uk", "northern-health-technology-network"];

    [Property(Arbitrary = [typeof(Scenarios)])]
    public bool Removing_or_changing_memberships_and_commitments_never_changes_the_shortlist(Scenario scenario)
    {
        var random = new Random(scenario.Seed);
        var stripped = WithSuppliers(scenario.Input, s => s with { Memberships = [], Commitments = [] });
        var changed = WithSuppliers(scenario.Input, s => Vouched(s, random));

        var expected = Json(scenario.Score());
        return Json(Scorer.Score(scenario.Template, scenario.Specification, stripped)) == expected
            && Json(Scorer.Score(scenario.Template, scenario.Specification, changed)) == expected;
    }

    [Fact]
    public void A_supplier_vouched_for_by_every_association_ranks_and_is_excluded_as_one_vouched_for_by_none()
    {
        var template = Template(
            Gate("dspt", new StandardHeldRule("DSPT")),
            Criterion("fhir", new InteroperabilityRule(["fhir-r4-uk-core"]), 2),
            Criterion("cqc", new StandardHeldRule("CQC"), 1));
        var input = Input(
            [Offering("a"), Offering("b", supplier: "wear") with { Interoperability = [] }, Offering("c", supplier: "derwent")],
            [Attestation("pennine", "DSPT"), Attestation("wear", "DSPT"), Attestation("wear", "CQC")]);
        var vouched = WithSuppliers(input, s => s with
        {
            Memberships = AssociationIds,
            Commitments = [new OrganisationCommitment(Commitments.ThreeMillionLives, "abhi", new DateOnly(2012, 3, 1))],
        });

        var plain = Scorer.Score(template, Specification(template), input);
        var withVouching = Scorer.Score(template, Specification(template), vouched);

        Assert.Equal(Json(plain), Json(withVouching));
        Assert.Equal(["a", "b"], withVouching.Entries.Select(e => e.OfferingId));
        Assert.Equal("c", Assert.Single(withVouching.Exclusions).OfferingId);
    }

    private static ScoringInput WithSuppliers(ScoringInput input, Func<Organisation, Organisation> change) =>
        input with { Offerings = [.. input.Offerings.Select(c => c with { Supplier = change(c.Supplier) })] };

    private static Organisation Vouched(Organisation supplier, Random random)
    {
        var memberships = AssociationIds.Where(_ => random.Next(2) == 0).ToList();
        return supplier with
        {
            Memberships = memberships,
            Commitments = memberships.Count > 0 && random.Next(2) == 0
                ? [new OrganisationCommitment(Commitments.ThreeMillionLives, memberships[random.Next(memberships.Count)], new DateOnly(2012, 2, 1).AddDays(random.Next(700)))]
                : [],
        };
    }

    private static string Json(Shortlist shortlist) => JsonSerializer.Serialize(shortlist, Web);
}
