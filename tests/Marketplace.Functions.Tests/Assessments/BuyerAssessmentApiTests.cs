using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Assessments;
using Marketplace.Core.Audit;
using Marketplace.Functions.Tests.Shortlisting;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistApiTests;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Assessments;

/// <summary>A commissioner's own DTAC assessment over HTTP, on the seed catalogue: it changes its own shortlist and nobody else's.</summary>
public sealed class BuyerAssessmentApiTests(ShortlistingApp fixture) : IClassFixture<ShortlistingApp>
{
    private MarketplaceApp App => fixture.App;

    private static object Dtac(string? version, bool securityPasses = true, string securityNotes = "") => new
    {
        standardCode = "DTAC",
        productVersion = version,
        dtac = new
        {
            clinicalSafety = new { passed = true, notes = "Clinical safety case and hazard log reviewed by our CSO." },
            dataProtection = new { passed = true, notes = "DPIA completed; UK hosting." },
            technicalSecurity = new { passed = securityPasses, notes = securityNotes },
            interoperability = new { passed = true, notes = "FHIR UK Core observations." },
            usabilityAndAccessibility = "Tested with our patient panel.",
        },
        notes = "For the virtual ward pathway.",
    };

    private const string NotAssessed = "Does not hold the Digital Technology Assessment Criteria (DTAC): no DTAC assessment by you of this version";

    /// <summary>Why the offering is left out of the shortlist for DTAC (the telehealth template gates on it), or null when it is not.</summary>
    private static string? DtacReason(JsonElement shortlist, string offeringId) =>
        Exclusions(shortlist).Where(e => e.GetProperty("offeringId").GetString() == offeringId).SelectMany(e => e.GetProperty("reasons").EnumerateArray())
            .Where(r => r.GetProperty("requirementId").GetString() == "dtac").Select(r => r.GetProperty("explanation").GetString()).SingleOrDefault();

    /// <summary>An offering the shortlist leaves out for DTAC alone, which the commissioner behind <paramref name="client"/> has never assessed.</summary>
    private static async Task<(string Id, string? Version)> OnlyWantingDtacAsync(HttpClient client, JsonElement shortlist)
    {
        foreach (var exclusion in Exclusions(shortlist).Where(e => e.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("requirementId").GetString()).SequenceEqual(["dtac"])))
        {
            var id = exclusion.GetProperty("offeringId").GetString()!;
            if ((await client.GetFromJsonAsync<JsonElement>($"/api/offerings/{id}/assessments")).GetArrayLength() == 0)
            {
                var offering = await client.GetFromJsonAsync<JsonElement>($"/api/offerings/{id}");
                return (id, offering.TryGetProperty("productVersion", out var v) ? v.GetString() : null);
            }
        }
        throw new InvalidOperationException("No offering is left out for DTAC alone: the seed no longer has one to assess.");
    }

    [Fact]
    public async Task A_DTAC_assessment_by_one_commissioner_changes_its_own_shortlist_and_nobody_elses()
    {
        // The other commissioner has no assessments of its own in the seed; the commissioner has several.
        using var mine = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        using var theirs = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (mySpecification, _) = await CreateSpecificationAsync(mine, TelehealthBody());
        var (theirSpecification, _) = await CreateSpecificationAsync(theirs, TelehealthBody());
        var (myBefore, _) = await ShortlistAsync(mine, mySpecification.GetProperty("id").GetString()!, 50);
        var (theirBefore, _) = await ShortlistAsync(theirs, theirSpecification.GetProperty("id").GetString()!, 50);
        // A platform that meets every other gate and that this commissioner has not assessed.
        var (offeringId, version) = await OnlyWantingDtacAsync(mine, myBefore);

        var recorded = await mine.PostAsJsonAsync($"/api/offerings/{offeringId}/assessments", Dtac(version));
        var (myAfter, _) = await ShortlistAsync(mine, mySpecification.GetProperty("id").GetString()!, 50);
        var (theirAfter, _) = await ShortlistAsync(theirs, theirSpecification.GetProperty("id").GetString()!, 50);

        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        Assert.EndsWith(NotAssessed, DtacReason(myBefore, offeringId));
        Assert.Null(DtacReason(myAfter, offeringId));
        Assert.Contains(Entries(myAfter), e => e.GetProperty("offeringId").GetString() == offeringId);
        Assert.Equal(Entries(theirBefore).Select(e => e.GetRawText()), Entries(theirAfter).Select(e => e.GetRawText()));
        Assert.Equal(DtacReason(theirBefore, offeringId), DtacReason(theirAfter, offeringId));
    }

    [Fact]
    public async Task Replacing_needs_the_current_ETag_and_a_failed_area_is_what_the_shortlist_and_the_supplier_see()
    {
        // The other commissioner has no assessments of its own in the seed.
        using var mine = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var (specification, _) = await CreateSpecificationAsync(mine, TelehealthBody());
        var (shortlist, _) = await ShortlistAsync(mine, specification.GetProperty("id").GetString()!, 50);
        var (offeringId, version) = await OnlyWantingDtacAsync(mine, shortlist);
        var offering = await mine.GetFromJsonAsync<JsonElement>($"/api/offerings/{offeringId}");
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, offering.GetProperty("supplierId").GetString());
        using var otherSupplier = await App.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        using var otherCommissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var path = $"/api/offerings/{offeringId}/assessments";
        var mersey = await otherCommissioner.GetFromJsonAsync<JsonElement>(path);

        var first = await mine.PostAsJsonAsync(path, Dtac(version));
        var (passed, _) = await ShortlistAsync(mine, specification.GetProperty("id").GetString()!, 50);
        var withoutIfMatch = await mine.PostAsJsonAsync(path, Dtac(version, securityPasses: false, "Penetration test is 19 months old."));
        var stale = await PostWithIfMatchAsync(mine, path, "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"", Dtac(version, securityPasses: false, "Penetration test is 19 months old."));
        var replaced = await PostWithIfMatchAsync(mine, path, first.Headers.ETag!.ToString(), Dtac(version, securityPasses: false, "Penetration test is 19 months old."));
        var (after, _) = await ShortlistAsync(mine, specification.GetProperty("id").GetString()!, 50);
        var seenBySupplier = await supplier.GetFromJsonAsync<JsonElement>(path);
        var seenByOtherCommissioner = await otherCommissioner.GetFromJsonAsync<JsonElement>(path);
        var otherSuppliers = await otherSupplier.GetAsync(path);

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        Assert.Contains(Entries(passed), e => e.GetProperty("offeringId").GetString() == offeringId);
        await ProblemAssert.IsProblemAsync(withoutIfMatch, (HttpStatusCode)428, "precondition-required");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "stale-etag");
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var stored = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", stored.GetProperty("outcome").GetString());
        Assert.DoesNotContain(Entries(after), e => e.GetProperty("offeringId").GetString() == offeringId);
        Assert.EndsWith("failed: technical security (Penetration test is 19 months old)", DtacReason(after, offeringId));
        var shown = seenBySupplier.EnumerateArray().Single(a => a.GetProperty("id").GetString() == stored.GetProperty("id").GetString());
        Assert.Equal(("NHS Trent Valley Integrated Care Board", "failed"), (shown.GetProperty("commissionerName").GetString(), shown.GetProperty("outcome").GetString()));
        Assert.Equal(mersey.GetArrayLength(), seenByOtherCommissioner.GetArrayLength());
        await ProblemAssert.IsProblemAsync(otherSuppliers, HttpStatusCode.Forbidden, "forbidden");
        var history = await App.Services.GetRequiredService<IAuditLog>().ReadAsync(BuyerAssessment.SubjectKind, stored.GetProperty("id").GetString()!, CancellationToken.None);
        Assert.Equal([("assess", null, "passed"), ("reassess", "passed", "failed")], history.Select(e => (e.Action, e.From, e.To)));
    }

    [Fact]
    public async Task Bad_assessments_are_refused_by_field_and_a_moved_on_version_is_a_conflict()
    {
        using var mine = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var path = "/api/offerings/off-000009/assessments";

        var notBuyerAssessed = await mine.PostAsJsonAsync(path, new { standardCode = "DSPT" });
        var unexplainedFailure = await mine.PostAsJsonAsync(path, Dtac(null, securityPasses: false));
        var missingArea = await mine.PostAsJsonAsync(path, new { standardCode = "DTAC", dtac = new { clinicalSafety = new { passed = true } } });
        var otherVersion = await mine.PostAsJsonAsync(path, Dtac("99.9"));
        var unknown = await mine.PostAsJsonAsync("/api/offerings/off-999999/assessments", Dtac(null));

        Assert.True((await ProblemAssert.IsProblemAsync(notBuyerAssessed, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("standardCode", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(unexplainedFailure, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").TryGetProperty("dtac.technicalSecurity.notes", out _));
        await ProblemAssert.IsProblemAsync(missingArea, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal("product-version-changed", (await ProblemAssert.IsProblemAsync(otherVersion, HttpStatusCode.Conflict, "conflict")).GetProperty("reason").GetString());
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_commissioner_attaches_one_evidence_file_to_its_own_assessment_with_If_Match()
    {
        using var mine = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var theirs = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var offering = await mine.GetFromJsonAsync<JsonElement>("/api/offerings/off-000092");
        var version = offering.TryGetProperty("productVersion", out var v) ? v.GetString() : null;
        var recorded = await mine.PostAsJsonAsync("/api/offerings/off-000092/assessments", Dtac(version));
        var etag = recorded.Headers.ETag!.ToString();
        HttpRequestMessage Upload(string name, byte[] bytes, string? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/offerings/off-000092/assessments/DTAC/evidence/{name}") { Content = new ByteArrayContent(bytes) };
            if (ifMatch is not null)
            {
                request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
            }
            return request;
        }
        var pdf = "%PDF-1.7 our DTAC evidence pack"u8.ToArray();

        var withoutIfMatch = await mine.SendAsync(Upload("dtac-pack.pdf", pdf, null));
        var notEvidence = await mine.SendAsync(Upload("dtac-pack.pdf", "plain text"u8.ToArray(), etag));
        var notAssessed = await theirs.SendAsync(Upload("dtac-pack.pdf", pdf, etag));
        var uploaded = await mine.SendAsync(Upload("dtac-pack.pdf", pdf, etag));
        var another = await mine.SendAsync(Upload("other.pdf", "%PDF-1.7 another"u8.ToArray(), uploaded.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await ProblemAssert.IsProblemAsync(withoutIfMatch, (HttpStatusCode)428, "precondition-required");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notEvidence.StatusCode);
        await ProblemAssert.IsProblemAsync(notAssessed, HttpStatusCode.Conflict, "conflict");
        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        var evidence = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence");
        Assert.Equal(("dtac-pack.pdf", "application/pdf", pdf.Length), (evidence.GetProperty("fileName").GetString(), evidence.GetProperty("contentType").GetString(), evidence.GetProperty("sizeBytes").GetInt32()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), evidence.GetProperty("sha256").GetString());
        await ProblemAssert.IsProblemAsync(another, HttpStatusCode.Conflict, "conflict");
    }
}
