using System.Text.Json;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Xunit.Abstractions;

namespace Marketplace.Seed.Tests;

/// <summary>
/// Issue 12's "done when", over the committed seed (catalogue-seed/): no offering fails any gate because of its
/// supplier's association memberships, and the number of active telehealth hubs and platforms passing the DCB0129 gate
/// rose once a manufacturer's declaration with a named Clinical Safety Officer counts.
/// </summary>
public sealed class SeedVerificationTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string[] Telehealth = ["remote-monitoring-platform", "vital-signs-hub"];

    /// <summary>
    /// Before issue 12, measured on the seed of commit c650f65 with that commit's scorer: 14 of the 29 active telehealth
    /// hubs and platforms passed the DCB0129 gate (15 could never pass), because only a verified attestation counted and
    /// only a member association could verify it. Today's seed holds no verified DCB0129 at all (it is a declaration),
    /// so the old rule cannot be replayed on it; the figure is kept as measured.
    /// </summary>
    private const int TelehealthBefore = 29;
    private const int PassingDcb0129Before = 14;

    public static TheoryData<string> Templates() => [.. ScoredSeed.TemplateIds()];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_commissioner_gets_the_same_shortlist_with_memberships_commitments_and_endorsements_stripped_or_shuffled(string templateId)
    {
        var seed = ScoredSeed.Committed;
        var template = ScoredSeed.Template(templateId);
        var random = new Random(12);
        var associations = seed.Organisations.Where(o => o.Kind == OrganisationKind.Association).Select(o => o.Id).ToArray();
        var compared = 0;

        foreach (var commissioner in seed.Organisations.Where(o => o.Kind == OrganisationKind.Commissioner))
        {
            var specification = seed.Specification(template, commissioner);
            var input = seed.Input(commissioner.Id);
            var stripped = input with
            {
                Offerings = [.. input.Offerings.Select(c => c with { Supplier = c.Supplier with { Memberships = [], Commitments = [] } })],
                Attestations = [.. input.Attestations.Select(a => a with { Endorsements = [] })],
            };
            var shuffled = input with
            {
                Offerings = [.. input.Offerings.Select(c => c with { Supplier = c.Supplier with { Memberships = [.. associations.Where(_ => random.Next(2) == 0)], Commitments = [] } })],
                Attestations = [.. input.Attestations.Select(a => a with { Endorsements = [.. associations.Where(_ => random.Next(3) == 0).Select(id => new Endorsement(id, DateTimeOffset.UnixEpoch))] })],
            };

            var expected = Json(Scorer.Score(template, specification, input));
            Assert.Equal(expected, Json(Scorer.Score(template, specification, stripped)));
            Assert.Equal(expected, Json(Scorer.Score(template, specification, shuffled)));
            compared++;
        }
        Assert.True(compared >= 10, $"only {compared} commissioners");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void No_gate_reason_mentions_membership_of_an_association(string templateId)
    {
        var seed = ScoredSeed.Committed;
        var template = ScoredSeed.Template(templateId);
        var commissioner = seed.Organisations.First(o => o.Kind == OrganisationKind.Commissioner);

        var reasons = Scorer.Score(template, seed.Specification(template, commissioner), seed.Input(commissioner.Id))
            .Exclusions.SelectMany(e => e.Reasons).Where(r => r.Code == ExclusionCodes.GateFailed).Select(r => r.Explanation).ToList();

        Assert.NotEmpty(reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("member", StringComparison.OrdinalIgnoreCase) || r.Contains("3millionlives", StringComparison.Ordinal)
            || r.Contains("vouch", StringComparison.OrdinalIgnoreCase) || r.Contains("endorse", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void More_active_telehealth_hubs_and_platforms_pass_the_DCB0129_gate_than_before()
    {
        var seed = ScoredSeed.Committed;
        var template = ScoredSeed.Template("telehealth-remote-monitoring");
        var commissioner = seed.Organisations.Single(o => o.Id == "nhs-mersey-vale-icb");
        var specification = seed.Specification(template, commissioner);
        var telehealth = seed.Offerings.Where(o => o.Status == OfferingStatus.Active && Telehealth.Contains(o.Category)).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        int Passing(ScoringInput input) => telehealth.Count - Scorer.Score(template, specification, input).Exclusions
            .Count(e => telehealth.Contains(e.OfferingId) && e.Reasons.Any(r => r.RequirementId == "dcb0129"));

        var after = Passing(seed.Input(commissioner.Id));
        output.WriteLine($"Active telehealth hubs and platforms passing the DCB0129 gate: before {PassingDcb0129Before} of {TelehealthBefore}, after {after} of {telehealth.Count}");

        Assert.Equal(TelehealthBefore, telehealth.Count);
        Assert.True(after > PassingDcb0129Before, $"after {after}, before {PassingDcb0129Before}");
        // The old rule (only verified counts) on today's seed: declarations are not verifications.
        Assert.Equal(0, Passing(seed.Input(commissioner.Id) with { Routes = new Dictionary<string, string>() }));
        Assert.Contains(seed.Attestations, a => a is { StandardCode: "DCB0129", Status: AttestationStatus.Declared, ClinicalSafetyOfficer: not null, ProductRelease: not null });
    }

    [Fact]
    public void A_commissioners_passing_DTAC_assessment_counts_in_its_own_shortlist_only()
    {
        var seed = ScoredSeed.Committed;
        var template = ScoredSeed.Template("telehealth-remote-monitoring");
        var unassessed = seed.Organisations.First(o => o.Kind == OrganisationKind.Commissioner && !seed.Assessments.Any(a => a.CommissionerId == o.Id));
        var offerings = seed.Offerings.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var checkedGates = 0;

        foreach (var passed in seed.Assessments.Where(a => a is { StandardCode: "DTAC", Outcome: AssessmentOutcome.Passed }
            && offerings[a.OfferingId] is { Status: OfferingStatus.Active } offering && offering.ProductVersion == a.ProductVersion))
        {
            // The assessor's own specification (DTAC is a gate), scored with its own assessments and with another commissioner's.
            var specification = seed.Specification(template, seed.Organisations.Single(o => o.Id == passed.CommissionerId));
            IReadOnlyList<ExclusionReason> Reasons(string commissionerId) => Scorer.Score(template, specification, seed.Input(commissionerId))
                .Exclusions.SingleOrDefault(e => e.OfferingId == passed.OfferingId)?.Reasons ?? [];
            if (Reasons(passed.CommissionerId).Any(r => r.Code is ExclusionCodes.NotInLot or ExclusionCodes.SupplierNotAdmitted))
            {
                continue; // not in the lot: no gate is judged that matters here
            }

            Assert.DoesNotContain(Reasons(passed.CommissionerId), r => r.RequirementId == "dtac");
            var elsewhere = Assert.Single(Reasons(unassessed.Id), r => r.RequirementId == "dtac");
            Assert.EndsWith(": Does not hold the Digital Technology Assessment Criteria (DTAC): no DTAC assessment by you of this version", elsewhere.Explanation);
            checkedGates++;
        }
        Assert.True(checkedGates > 0, "no assessed offering is in the lot");
    }

    private static string Json(Shortlist shortlist) => JsonSerializer.Serialize(shortlist, Web);
}
