using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Catalogue.Search;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Catalogue;

/// <summary>Suppliers keep their own listings current; everyone may read them.</summary>
public sealed class OfferingListingTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    private const string Supplier = "downs-careline-systems";
    private const string OtherSupplier = "pennine-careline-services";
    private MarketplaceApp App => seeded.App;

    private static object Listing(string name, decimal price = 96.00m) => new
    {
        kind = "product",
        name,
        summary = "Wrist-worn fall detector with automatic alerting.",
        description = "Detects hard falls and raises a call to the monitoring centre.",
        category = "fall-detector",
        conditions = new[] { "falls-risk", "frailty" },
        features = new[] { "automatic fall detection", "30-second cancel window" },
        interoperability = new[] { "bs8521-2" },
        connectivity = "digital",
        regions = new[] { "north-west", "north-east-and-yorkshire" },
        price = new { model = "per-unit", amountGbp = price },
        leadTimeDays = 10,
        lots = Array.Empty<string>(),
        outcomeEvidence = Array.Empty<object>(),
        accessibilityStatement = "Large tactile button; audible and vibrating alerts.",
    };

    private async Task<(string Id, string ETag)> CreateAsync(string name)
    {
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var created = await supplier.PostAsJsonAsync("/api/offerings", Listing(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var offering = await created.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web);
        return (offering!.Id, created.Headers.ETag!.ToString());
    }

    private static HttpRequestMessage Put(string id, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/offerings/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return request;
    }

    [Fact]
    public async Task A_supplier_lists_an_offering_that_anyone_can_read_and_search_finds_at_once()
    {
        var (id, etag) = await CreateAsync("Downs Guardian Fall Detector");

        using var anonymous = App.CreateClient();
        var read = await anonymous.GetAsync($"/api/offerings/{id}");
        var offering = await read.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(etag, read.Headers.ETag!.ToString());
        Assert.Equal(Supplier, offering!.SupplierId);
        Assert.Equal(OfferingStatus.Active, offering.Status);
        var indexed = await App.Services.GetRequiredService<ICatalogueSearch>().FindAsync(id);
        Assert.Equal("Downs Guardian Fall Detector", indexed!.Name);
        Assert.False(string.IsNullOrEmpty(indexed.SupplierName));
        Assert.Equal(OrganisationLevelStandardsHeldToday(Supplier), indexed.VerifiedStandards);
    }

    [Fact]
    public async Task An_edit_needs_the_current_etag_shows_in_search_and_keeps_the_old_version()
    {
        var (id, etag) = await CreateAsync("Downs Sentinel Lite");
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);

        var withoutEtag = await supplier.SendAsync(Put(id, Listing("Renamed"), null));
        var edited = await supplier.SendAsync(Put(id, Listing("Downs Sentinel Lite 2", 89.99m), etag));
        var stale = await supplier.SendAsync(Put(id, Listing("Lost update"), etag));

        await ProblemAssert.IsProblemAsync(withoutEtag, HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(etag, edited.Headers.ETag!.ToString());
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed, "stale-etag");
        var indexed = (await App.Services.GetRequiredService<ICatalogueSearch>().FindAsync(id))!;
        Assert.Equal("Downs Sentinel Lite 2", indexed.Name);
        Assert.Equal(89.99m, indexed.PriceGbp);
        var history = await App.Services.GetRequiredService<CatalogueTables>().Offerings.HistoryAsync(id, CancellationToken.None);
        Assert.Equal(["Downs Sentinel Lite"], history.Select(o => o.Name));
    }

    [Fact]
    public async Task Of_two_concurrent_edits_with_the_same_etag_exactly_one_wins()
    {
        var (id, etag) = await CreateAsync("Downs Race Detector");
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);

        var answers = await Task.WhenAll(
            supplier.SendAsync(Put(id, Listing("Edit A"), etag)),
            supplier.SendAsync(Put(id, Listing("Edit B"), etag)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var history = await App.Services.GetRequiredService<CatalogueTables>().Offerings.HistoryAsync(id, CancellationToken.None);
        Assert.Single(history);
    }

    [Fact]
    public async Task A_listing_fetched_with_GET_can_be_PUT_back_unchanged_nulls_and_server_owned_fields_included()
    {
        var (id, _) = await CreateAsync("Downs Round Trip Detector");
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var read = await App.CreateClient().GetAsync($"/api/offerings/{id}");
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        // What GET answers is what the issue saw refused: its own id, supplierId, status and "outcomeRewardGbp": null.
        Assert.Equal(id, (string?)body["id"]);
        Assert.Equal(Supplier, (string?)body["supplierId"]);
        Assert.Equal(OfferingStatus.Active, (string?)body["status"]);
        Assert.True(body["price"]!.AsObject().TryGetPropertyValue("outcomeRewardGbp", out var reward) && reward is null, body.ToJsonString());

        var putBack = await supplier.SendAsync(Put(id, body, read.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.OK, putBack.StatusCode);
        var stored = JsonNode.Parse(await putBack.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(body, stored), $"{body.ToJsonString()}\n{stored.ToJsonString()}");
    }

    [Fact]
    public async Task A_GET_body_without_nulls_is_PUT_back_unchanged_and_the_server_owned_fields_it_carries_must_match()
    {
        var (id, _) = await CreateAsync("Downs Echo Detector");
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var read = await App.CreateClient().GetAsync($"/api/offerings/{id}");
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        body["price"] = new JsonObject { ["model"] = "per-unit", ["amountGbp"] = 96.0m };

        var moved = await supplier.SendAsync(Put(id, WithField(body, "supplierId", OtherSupplier), read.Headers.ETag!.ToString()));
        var rekeyed = await supplier.SendAsync(Put(id, WithField(body, "id", "off-someoneelse1"), read.Headers.ETag!.ToString()));
        var reactivated = await supplier.SendAsync(Put(id, WithField(body, "status", OfferingStatus.Retired), read.Headers.ETag!.ToString()));
        var unchanged = await supplier.SendAsync(Put(id, body, read.Headers.ETag!.ToString()));

        foreach (var (response, field) in new[] { (moved, "supplierId"), (rekeyed, "id"), (reactivated, "status") })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(Supplier, (await App.Services.GetRequiredService<CatalogueTables>().Offerings.FindAsync(id, CancellationToken.None))!.Document.SupplierId);
    }

    [Fact]
    public async Task A_new_listing_may_name_its_own_supplier_and_active_status_but_not_an_id_or_another_supplier()
    {
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var listing = JsonSerializer.SerializeToNode(Listing("Downs Self-described Detector"), JsonSerializerOptions.Web)!.AsObject();

        var own = await supplier.PostAsJsonAsync("/api/offerings", WithField(WithField(listing, "supplierId", Supplier), "status", OfferingStatus.Active));
        var other = await supplier.PostAsJsonAsync("/api/offerings", WithField(listing, "supplierId", OtherSupplier));
        var withId = await supplier.PostAsJsonAsync("/api/offerings", WithField(listing, "id", "off-chosenbyme1"));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(other, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("supplierId", out _));
        problem = await ProblemAssert.IsProblemAsync(withId, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    private static JsonObject WithField(JsonObject body, string field, string value)
    {
        var copy = body.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    [Fact]
    public async Task Another_supplier_cannot_change_or_retire_the_listing()
    {
        var (id, etag) = await CreateAsync("Downs Private Detector");
        using var other = await App.ClientForAsync(MarketplaceRole.Supplier, OtherSupplier);

        var put = await other.SendAsync(Put(id, Listing("Hijacked"), etag));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/offerings/{id}");
        delete.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var deleted = await other.SendAsync(delete);

        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(deleted, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Downs Private Detector", (await App.Services.GetRequiredService<CatalogueTables>().Offerings.FindAsync(id, CancellationToken.None))!.Document.Name);
    }

    [Theory]
    [InlineData(MarketplaceRole.Commissioner, "nhs-example-icb")]
    [InlineData(MarketplaceRole.Association, "tec-services-association")]
    [InlineData(MarketplaceRole.Admin, null)]
    public async Task Only_suppliers_list_offerings(MarketplaceRole role, string? organisation)
    {
        using var client = await App.ClientForAsync(role, organisation);

        var response = await client.PostAsJsonAsync("/api/offerings", Listing("Not allowed"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_supplier_role_acting_for_an_organisation_that_is_not_a_supplier_cannot_list()
    {
        using var client = await App.ClientForAsync(MarketplaceRole.Supplier, "tec-services-association");

        var response = await client.PostAsJsonAsync("/api/offerings", Listing("Sneaky"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Without_a_token_nobody_writes()
    {
        using var anonymous = App.CreateClient();

        await ProblemAssert.IsProblemAsync(await anonymous.PostAsJsonAsync("/api/offerings", Listing("x")), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Retiring_removes_it_from_search_keeps_the_record_and_freezes_it()
    {
        var (id, etag) = await CreateAsync("Downs Retiring Detector");
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/offerings/{id}");
        delete.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));

        var retired = await supplier.SendAsync(delete);
        var read = await App.CreateClient().GetAsync($"/api/offerings/{id}");
        var offering = await read.Content.ReadFromJsonAsync<Offering>(JsonSerializerOptions.Web);
        var edit = await supplier.SendAsync(Put(id, Listing("Back from the dead"), read.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal(OfferingStatus.Retired, offering!.Status);
        Assert.Null(await App.Services.GetRequiredService<ICatalogueSearch>().FindAsync(id));
        await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.Conflict, "conflict");
    }

    // A new offering has no attestations of its own, so it shows exactly its supplier's organisation-level standards.
    private static string[] OrganisationLevelStandardsHeldToday(string supplier) =>
        JsonDocument.Parse(File.ReadAllText(Marketplace.Testing.RepositoryPaths.Combine("catalogue-seed", "attestations.json"))).RootElement
            .EnumerateArray()
            .Where(a => a.GetProperty("supplierId").GetString() == supplier && !a.TryGetProperty("offeringId", out _)
                && a.GetProperty("status").GetString() == "verified"
                && (!a.TryGetProperty("expiresOn", out var e) || DateOnly.Parse(e.GetString()!) >= DateOnly.FromDateTime(DateTime.UtcNow)))
            .Select(a => a.GetProperty("standardCode").GetString()!)
            .Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task An_unknown_offering_is_a_404_problem()
    {
        await ProblemAssert.IsProblemAsync(await App.CreateClient().GetAsync("/api/offerings/off-doesnotexist"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_supplier_profile_shows_memberships_active_offerings_and_only_standards_that_count_today()
    {
        using var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync($"/api/suppliers/{Supplier}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Supplier, profile.GetProperty("supplier").GetProperty("id").GetString());
        Assert.All(profile.GetProperty("memberships").EnumerateArray(), m => Assert.False(string.IsNullOrEmpty(m.GetProperty("name").GetString())));
        var seedOfferings = JsonDocument.Parse(File.ReadAllText(Marketplace.Testing.RepositoryPaths.Combine("catalogue-seed", "offerings.json"))).RootElement
            .EnumerateArray().Where(o => o.GetProperty("supplierId").GetString() == Supplier && o.GetProperty("status").GetString() == "active")
            .Select(o => o.GetProperty("id").GetString()).ToHashSet();
        var listed = profile.GetProperty("offerings").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(seedOfferings, listed);
        var seedHeld = JsonDocument.Parse(File.ReadAllText(Marketplace.Testing.RepositoryPaths.Combine("catalogue-seed", "attestations.json"))).RootElement
            .EnumerateArray().Where(a => a.GetProperty("supplierId").GetString() == Supplier && a.GetProperty("status").GetString() is "verified" or "declared"
                && (!a.TryGetProperty("expiresOn", out var e) || DateOnly.Parse(e.GetString()!) >= DateOnly.FromDateTime(DateTime.UtcNow)))
            .Select(a => a.GetProperty("standardCode").GetString()).ToHashSet();
        var held = profile.GetProperty("standardsHeld").EnumerateArray().ToList();
        Assert.Equal(seedHeld, held.Select(s => s.GetProperty("code").GetString()).ToHashSet());
        // A verified standard names who verified it; a declaration (Downs declares EN 50134 and A2D readiness) names nobody.
        Assert.All(held, s => Assert.Equal(s.GetProperty("code").GetString() is "EN50134" or "A2D-READY",
            !s.TryGetProperty("verifiedByName", out var by) || by.ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task A_supplier_profile_shows_its_memberships_and_the_3millionlives_commitment_an_association_vouches_for()
    {
        using var anonymous = App.CreateClient();

        // In the seed, Pennine belongs to the TSA and techUK and signed 3millionlives, vouched for by the TSA.
        var profile = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/suppliers/{OtherSupplier}")).RootElement;

        Assert.Equal(["TEC Services Association", "techUK"], profile.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var commitment = Assert.Single(profile.GetProperty("commitments").EnumerateArray());
        Assert.Equal("3millionlives", commitment.GetProperty("commitment").GetString());
        Assert.Equal("3millionlives commitment", commitment.GetProperty("title").GetString());
        Assert.Equal("tec-services-association", commitment.GetProperty("vouchedBy").GetString());
        Assert.Equal("TEC Services Association", commitment.GetProperty("vouchedByName").GetString());
        Assert.Equal("2012-02-04", commitment.GetProperty("signedOn").GetString());
    }

    [Fact]
    public async Task An_unknown_supplier_or_a_non_supplier_is_a_404()
    {
        using var anonymous = App.CreateClient();

        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/suppliers/nobody-ltd"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/suppliers/tec-services-association"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_listing_with_bad_fields_is_refused_naming_each_path_and_nothing_is_stored()
    {
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);
        var before = await CountOfferingsAsync();
        var listing = JsonSerializer.SerializeToNode(Listing("Bad listing"), JsonSerializerOptions.Web)!.AsObject();
        listing["category"] = "teleportation-device";
        listing["price"]!["amountGbp"] = -5;

        var response = await supplier.PostAsJsonAsync("/api/offerings", listing);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.category", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("$.price.amountGbp", out _), errors.ToString());
        Assert.Equal(before, await CountOfferingsAsync());
    }

    [Fact]
    public async Task A_listing_that_is_not_json_is_a_415_and_one_over_256_KB_is_a_413()
    {
        using var supplier = await App.ClientForAsync(MarketplaceRole.Supplier, Supplier);

        var xml = await supplier.PostAsync("/api/offerings", new StringContent("<offering/>", System.Text.Encoding.UTF8, "application/xml"));
        var huge = JsonSerializer.SerializeToNode(Listing("Huge"), JsonSerializerOptions.Web)!.AsObject();
        huge["description"] = new string('x', 300 * 1024);
        var tooLarge = await supplier.PostAsJsonAsync("/api/offerings", huge);

        await ProblemAssert.IsProblemAsync(xml, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await ProblemAssert.IsProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    private async Task<int> CountOfferingsAsync()
    {
        var count = 0;
        await foreach (var _ in App.Services.GetRequiredService<CatalogueTables>().Offerings.ListAsync(
            Marketplace.Storage.TableFilter.Equal("SupplierId", Supplier), CancellationToken.None))
        {
            count++;
        }
        return count;
    }
}
