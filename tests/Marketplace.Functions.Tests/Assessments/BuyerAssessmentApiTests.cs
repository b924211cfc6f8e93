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

    private static JsonElement DtacLine(JsonElement shortlist, string offeringId) =>
        Entries(shortlist).Single(e => e.GetProperty("offeringId").GetString() == offeringId)
            .GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("requirementId").GetString() == "dtac");

    [Fact]
    public async Task A_DTAC_assessment_by_one_commissioner_changes_its_own_shortlist_and_nobody_elses()
    {
        using var mine = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var theirs = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var (mySpecification, _) = await CreateSpecificationAsync(mine, TelehealthBody());
        var (theirSpecification, _) = await CreateSpecificationAsync(theirs, TelehealthBody());
        var (myBefore, _) = await ShortlistAsync(mine, mySpecification.GetProperty("id").GetString()!, 50);
        var (theirBefore, _) = await ShortlistAsync(theirs, theirSpecification.GetProperty("id").GetString()!, 50);
        // An eligible platform neither commissioner has assessed.
        var offeringId = Entries(myBefore).Select(e => e.GetProperty("offeringId").GetString()!).First(id => DtacLine(myBefore, id).GetProperty("score").GetDouble() == 0);
        var offering = await mine.GetFromJsonAsync<JsonElement>($"/api/offerings/{offeringId}");
        var version = offering.TryGetProperty("productVersion", out var v) ? v.GetString() : null;

        var recorded = await mine.PostAsJsonAsync($"/api/offerings/{offeringId}/assessments", Dtac(version));
        var (myAfter, _) = await ShortlistAsync(mine, mySpecification.GetProperty("id").GetString()!, 50);
        var (theirAfter, _) = await ShortlistAsync(theirs, theirSpecification.GetProperty("id").GetString()!, 50);

        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        Assert.Equal("Does not hold DTAC: no DTAC assessment by you of this version", DtacLine(myBefore, offeringId).GetProperty("explanation").GetString());
        Assert.Equal(1.0, DtacLine(myAfter, offeringId).GetProperty("score").GetDouble());
        Assert.StartsWith($"Your DTAC assessment{(version is null ? "" : " of version " + version)} (passed ", DtacLine(myAfter, offeringId).GetProperty("explanation").GetString());
        Assert.True(Total(myAfter, offeringId) > Total(myBefore, offeringId));
        Assert.Equal(Entries(theirBefore).Select(e => e.GetRawText()), Entries(theirAfter).Select(e => e.GetRawText()));
        Assert.Equal(0.0, DtacLine(theirAfter, offeringId).GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Replacing_needs_the_current_ETag_and_a_failed_area_is_what_the_shortlist_and_the_supplier_see()
    {
        using var mine = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(mine, TelehealthBody());
        var (shortlist, _) = await ShortlistAsync(mine, specification.GetProperty("id").GetString()!, 50);
        var offeringId = Entries(shortlist).Last().GetProperty("offeringId").GetString()!;
        var offering = await mine.GetFromJsonAsync<JsonElement>($"/api/offerings/{offeringId}");
        var version = offering.TryGetProperty("productVersion", out var v) ? v.GetString() : null;
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, offering.GetProperty("supplierId").GetString());
        using var otherSupplier = await App.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");
        using var otherCommissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var path = $"/api/offerings/{offeringId}/assessments";

        var first = await mine.PostAsJsonAsync(path, Dtac(version));
        var withoutIfMatch = await mine.PostAsJsonAsync(path, Dtac(version, securityPasses: false, "Penetration test is 19 months old."));
        var stale = await PostWithIfMatchAsync(mine, path, "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"", Dtac(version, securityPasses: false, "Penetration test is 19 months old."));
        var replaced = await PostWithIfMatchAsync(mine, path, first.Headers.ETag!.ToString(), Dtac(version, securityPasses: false, "Penetration test is 19 months old."));
        var (after, _) = await ShortlistAsync(mine, specification.GetProperty("id").GetString()!, 50);
        var seenBySupplier = await supplier.GetFromJsonAsync<JsonElement>(path);
        var seenByOtherCommissioner = await otherCommissioner.GetFromJsonAsync<JsonElement>(path);
        var otherSuppliers = await otherSupplier.GetAsync(path);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(withoutIfMatch, (HttpStatusCode)428, "precondition-required");
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "stale-etag");
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var stored = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", stored.GetProperty("outcome").GetString());
        var line = DtacLine(after, offeringId);
        Assert.Equal(0.0, line.GetProperty("score").GetDouble());
        Assert.Contains("failed: technical security (Penetration test is 19 months old)", line.GetProperty("explanation").GetString());
        var shown = Assert.Single(seenBySupplier.EnumerateArray());
        Assert.Equal(("NHS Mersey Vale Integrated Care Board", "failed"), (shown.GetProperty("commissionerName").GetString(), shown.GetProperty("outcome").GetString()));
        Assert.Equal(0, seenByOtherCommissioner.GetArrayLength());
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

    private static double Total(JsonElement shortlist, string offeringId) =>
        Entries(shortlist).Single(e => e.GetProperty("offeringId").GetString() == offeringId).GetProperty("total").GetDouble();
}
