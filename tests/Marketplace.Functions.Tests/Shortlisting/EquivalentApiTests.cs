using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Functions.Tests.Attestations;
using Marketplace.Storage.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Functions.Tests.Shortlisting.ShortlistCalls;

namespace Marketplace.Functions.Tests.Shortlisting;

/// <summary>
/// A claimed equivalent end to end on the seed catalogue, against Azurite: the supplier claims and submits it, the
/// owning commissioner sees it pending on its shortlist and decides it, and the lock reproduces the decision.
/// </summary>
public sealed class EquivalentApiTests(ShortlistingApp fixture) : IClassFixture<ShortlistingApp>
{
    private MarketplaceApp App => fixture.App;

    private sealed record Target(string OfferingId, string SupplierId, string Code, string GateId);

    /// <summary>
    /// A lot-3 template whose only standard gates are DSPT and DCB0129 (the published telehealth template also gates on
    /// MHRA and the buyer's DTAC, which would keep the claimant out whatever the decision), published once per class.
    /// </summary>
    private static readonly object GatedTemplate = new
    {
        id = "equivalent-claims", version = 1, name = "Equivalent claims (DSPT and DCB0129 gates)", lot = 3,
        description = "Telehealth products gated on two standards a supplier may claim an equivalent of.",
        sections = new[]
        {
            new
            {
                id = "all", title = "All",
                requirements = new object[]
                {
                    new { id = "category", text = "A remote-monitoring platform or vital-signs hub.", kind = "gate", rule = new { type = "category", categories = new[] { "remote-monitoring-platform", "vital-signs-hub" } } },
                    new { id = "region", text = "Available in the region.", kind = "gate", rule = new { type = "region-served" } },
                    new { id = "dspt", text = "Holds the Data Security and Protection Toolkit.", kind = "gate", rule = new { type = "standard-held", code = "DSPT" } },
                    new { id = "dcb0129", text = "A clinical safety case to DCB0129.", kind = "gate", rule = new { type = "standard-held", code = "DCB0129", acceptDeclaration = true } },
                    new { id = "social-value", text = "Social value.", kind = "criterion", rule = new { type = "social-value", commitments = new[] { "carbon-reduction-plan" } }, defaultWeight = 10 },
                    new { id = "price", text = "Whole-life cost.", kind = "criterion", rule = new { type = "price" }, defaultWeight = 30 },
                },
            },
        },
    };

    private async Task<Dictionary<string, object?>> GatedBodyAsync(string title)
    {
        using var admin = await App.ClientForAsync(MarketplaceRole.Admin);
        var published = await admin.PostAsJsonAsync("/api/templates", GatedTemplate);
        Assert.True(published.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await published.Content.ReadAsStringAsync());
        return TelehealthBody(b => (b["title"], b["templateId"], b["templateVersion"]) = (title, "equivalent-claims", 1));
    }

    /// <summary>
    /// An offering of the telehealth shortlist left out by exactly one gate, a standard (DSPT or DCB0129) it does not
    /// hold, and with no claim for it yet (the tests share the catalogue).
    /// </summary>
    private static Target OneStandardShort(JsonElement shortlist)
    {
        var claimed = shortlist.GetProperty("equivalents").EnumerateArray().SelectMany(e => e.GetProperty("uses").EnumerateArray())
            .Select(u => u.GetProperty("offeringId").GetString()).ToHashSet();
        var exclusion = Exclusions(shortlist).First(e => !claimed.Contains(e.GetProperty("offeringId").GetString())
            && e.GetProperty("reasons").EnumerateArray().ToList() is [var only]
            && only.GetProperty("code").GetString() == "gate-failed" && only.GetProperty("requirementId").GetString() is "dspt" or "dcb0129");
        var gate = exclusion.GetProperty("reasons")[0].GetProperty("requirementId").GetString()!;
        return new Target(exclusion.GetProperty("offeringId").GetString()!, exclusion.GetProperty("supplierId").GetString()!, gate.ToUpperInvariant(), gate);
    }

    private async Task<string> ClaimAsync(Target target)
    {
        var calls = new AttestationCalls(App);
        using var supplier = await calls.SupplierAsync(target.SupplierId);
        var created = await supplier.PostAsJsonAsync("/api/attestations", new
        {
            standardCode = target.Code,
            offeringId = target.Code == "DSPT" ? null : target.OfferingId,
            certificateNumber = "ISO27001-CERT-4471",
            issuedOn = "2026-06-01",
            equivalent = new
            {
                name = target.Code == "DSPT" ? "ISO/IEC 27001:2022 certificate covering the platform and its hosting" : "IEC 62304 software lifecycle file with ISO 14971 risk management",
                issuedBy = "BSI Assurance UK (UKAS 0003)",
                reason = "Covers the same controls; we are not yet an NHS organisation able to publish a toolkit assessment.",
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await AttestationCalls.ReadAsync(created)).Id;
        Assert.Equal(HttpStatusCode.Created, (await calls.UploadAsync(target.SupplierId, id, "iso27001-certificate.pdf", AttestationCalls.Pdf)).StatusCode);
        var submitted = await supplier.SendAsync(AttestationCalls.Act(id, "submit", await calls.ETagAsync(id)));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return id;
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, string shortlistId, string claim, string action, string etag, string? reason) =>
        PostWithIfMatchAsync(client, $"/api/shortlists/{shortlistId}/equivalents/{claim}/{action}", etag, reason is null ? new { } : new { reason });

    [Fact]
    public async Task A_claim_pending_on_a_shortlist_is_accepted_by_its_commissioner_and_the_lock_reproduces_the_decision()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        using var other = await App.ClientForAsync(MarketplaceRole.Commissioner, OtherCommissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, await GatedBodyAsync("Accepting a claim"));
        var specificationId = specification.GetProperty("id").GetString()!;
        var before = (await ShortlistAsync(commissioner, specificationId, maxResults: 50)).Body;
        var target = OneStandardShort(before);
        var claim = await ClaimAsync(target);

        var (pending, etag) = await ShortlistAsync(commissioner, specificationId, maxResults: 50);
        var id = pending.GetProperty("id").GetString()!;
        var equivalent = pending.GetProperty("equivalents").EnumerateArray().Single(e => e.GetProperty("attestationId").GetString() == claim);
        Assert.Equal("pending", equivalent.GetProperty("status").GetString());
        Assert.Equal("BSI Assurance UK (UKAS 0003)", equivalent.GetProperty("claim").GetProperty("issuedBy").GetString());
        Assert.Contains(equivalent.GetProperty("uses").EnumerateArray(), u => u.GetProperty("offeringId").GetString() == target.OfferingId && u.GetProperty("isGate").GetBoolean());
        Assert.Contains("claimed equivalent — your decision", Exclusions(pending).Single(e => e.GetProperty("offeringId").GetString() == target.OfferingId)
            .GetProperty("reasons")[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Entries(pending), e => e.GetProperty("offeringId").GetString() == target.OfferingId);

        await ProblemAssert.IsProblemAsync(await DecideAsync(other, id, claim, "accept", etag, "Looks equivalent"), HttpStatusCode.Forbidden, "forbidden");
        var noReason = await ProblemAssert.IsProblemAsync(await DecideAsync(commissioner, id, claim, "accept", etag, null), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await ProblemAssert.IsProblemAsync(await DecideAsync(commissioner, id, claim, "accept", "\"stale\"", "Looks equivalent"), HttpStatusCode.PreconditionFailed, "stale-etag");
        await ProblemAssert.IsProblemAsync(await DecideAsync(commissioner, id, "att-000001", "accept", etag, "Not a claim"), HttpStatusCode.NotFound, "not-found");

        var accepted = await DecideAsync(commissioner, id, claim, "accept", etag, "ISO 27001 with this scope meets our information governance need.");
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var after = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(Entries(after), e => e.GetProperty("offeringId").GetString() == target.OfferingId);
        Assert.DoesNotContain(Exclusions(after), e => e.GetProperty("offeringId").GetString() == target.OfferingId);
        Assert.Equal(pending.GetProperty("counts").GetProperty("eligible").GetInt32() + 1, after.GetProperty("counts").GetProperty("eligible").GetInt32());
        Assert.Equal("accepted", after.GetProperty("equivalents").EnumerateArray().Single(e => e.GetProperty("attestationId").GetString() == claim).GetProperty("status").GetString());
        var again = accepted.Headers.ETag!.ToString();
        await ProblemAssert.IsProblemAsync(await DecideAsync(commissioner, id, claim, "reject", again, "Changed my mind"), HttpStatusCode.NotFound, "not-found");

        var (locked, lockedETag) = await LockAsync(commissioner, id, again);
        var verify = await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}/verify");
        Assert.True(verify.GetProperty("reproduced").GetBoolean());
        Assert.Equal(locked.GetProperty("lock").GetProperty("sha256").GetString(), verify.GetProperty("rescoredSha256").GetString());
        var decision = Assert.Single(verify.GetProperty("snapshot").GetProperty("equivalentDecisions").EnumerateArray());
        Assert.Equal((claim, "accepted"), (decision.GetProperty("attestationId").GetString(), decision.GetProperty("status").GetString()));
        await ProblemAssert.IsProblemAsync(await DecideAsync(commissioner, id, claim, "reject", lockedETag, "After the lock"), HttpStatusCode.Conflict, "conflict");

        var history = await commissioner.GetFromJsonAsync<JsonElement>($"/api/shortlists/{id}/history");
        var audited = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "accept-equivalent");
        Assert.Equal(("ISO 27001 with this scope meets our information governance need.", "accepted"), (audited.GetProperty("reason").GetString(), audited.GetProperty("to").GetString()));
        Assert.False(string.IsNullOrEmpty(audited.GetProperty("actorUserId").GetString()));

        // The decision was this shortlist's only: a new shortlist of the same specification shows the claim pending again.
        var fresh = (await ShortlistAsync(commissioner, specificationId, maxResults: 50)).Body;
        Assert.DoesNotContain(Entries(fresh), e => e.GetProperty("offeringId").GetString() == target.OfferingId);
    }

    [Fact]
    public async Task A_rejected_claim_keeps_the_offering_out_with_the_commissioners_reason()
    {
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var (specification, _) = await CreateSpecificationAsync(commissioner, await GatedBodyAsync("Rejecting a claim"));
        var specificationId = specification.GetProperty("id").GetString()!;
        var target = OneStandardShort((await ShortlistAsync(commissioner, specificationId, maxResults: 50)).Body);
        var claim = await ClaimAsync(target);
        var (pending, etag) = await ShortlistAsync(commissioner, specificationId, maxResults: 50);
        var id = pending.GetProperty("id").GetString()!;

        var rejected = await DecideAsync(commissioner, id, claim, "reject", etag, "The certificate's scope leaves out the hosting provider.");

        Assert.True(rejected.StatusCode == HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var after = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        var reason = Exclusions(after).Single(e => e.GetProperty("offeringId").GetString() == target.OfferingId).GetProperty("reasons")[0].GetProperty("explanation").GetString();
        Assert.StartsWith(target.Code == "DSPT" ? "fails \"Holds the Data Security and Protection Toolkit\": Does not hold " : "fails \"A clinical safety case to DCB0129\": Does not hold ", reason);
        Assert.EndsWith($"({target.Code}): claimed equivalent rejected by you: The certificate's scope leaves out the hosting provider", reason);
        Assert.Equal(pending.GetProperty("counts").GetProperty("eligible").GetInt32(), after.GetProperty("counts").GetProperty("eligible").GetInt32());

    }

    [Fact]
    public async Task No_certifier_verifies_or_rejects_a_claim_nor_queues_it_and_its_page_names_what_is_claimed()
    {
        var calls = new AttestationCalls(App);
        using var supplier = await calls.SupplierAsync("downs-careline-systems");
        var created = await supplier.PostAsJsonAsync("/api/attestations", new
        {
            standardCode = "CQC", certificateNumber = "CS2019000123", issuedOn = "2026-06-01",
            equivalent = new { name = "Care Inspectorate registration CS2019000123", issuedBy = "Care Inspectorate", reason = "Our alarm service operates in Scotland, where CQC does not register." },
        });
        var claim = (await AttestationCalls.ReadAsync(created)).Id;
        await calls.UploadAsync("downs-careline-systems", claim, "care-inspectorate-registration.pdf", AttestationCalls.Pdf);
        Assert.Equal(HttpStatusCode.OK, (await supplier.SendAsync(AttestationCalls.Act(claim, "submit", await calls.ETagAsync(claim)))).StatusCode);
        // A claim names no certification body, so none may decide it (and no register import touches it).
        using var certifier = await calls.CertifierAsync("tec-quality");

        var verify = await certifier.SendAsync(AttestationCalls.Act(claim, "verify", await calls.ETagAsync(claim)));
        var reject = await certifier.SendAsync(AttestationCalls.Act(claim, "reject", await calls.ETagAsync(claim), "Not CQC"));
        var queue = await certifier.GetFromJsonAsync<JsonElement>("/api/certifiers/tec-quality/queue");
        var page = await (await supplier.GetAsync($"/attestations/{claim}")).Content.ReadAsStringAsync();
        var list = await (await supplier.GetAsync("/supplier/attestations")).Content.ReadAsStringAsync();

        await ProblemAssert.IsProblemAsync(verify, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(reject, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("submitted", (await fixture.AttestationAsync(claim)).Status);
        Assert.DoesNotContain(queue.GetProperty("attestations").EnumerateArray(), q => q.GetProperty("attestation").GetProperty("id").GetString() == claim);
        Assert.Contains("Claimed equivalent of CQC: Care Inspectorate registration CS2019000123, issued by Care Inspectorate.", page, StringComparison.Ordinal);
        Assert.Contains("CQC<span class=\"nhsuk-u-visually-hidden\"> attestation " + claim + "</span></a> (claimed equivalent: Care Inspectorate registration CS2019000123)", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_without_its_name_issuer_or_reason_is_refused_naming_each_field()
    {
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, "downs-careline-systems");

        var response = await supplier.PostAsJsonAsync("/api/attestations", new
        {
            standardCode = "CQC", certificateNumber = "CS2019000123", issuedOn = "2026-06-01",
            equivalent = new { name = "", issuedBy = new string('x', 201) },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["equivalent.issuedBy", "equivalent.name", "equivalent.reason"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
