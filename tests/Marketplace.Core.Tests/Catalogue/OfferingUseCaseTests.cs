using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Tests.Catalogue;

/// <summary>The listing use cases' decisions, in the one order every route follows: 404 → 403 → 428 → 412 → 409/400.</summary>
public sealed class OfferingUseCaseTests
{
    private const string Owner = "pennine-careline";
    private const string Other = "downs-careline-systems";

    private static readonly OfferingListing Listing = new()
    {
        Kind = "product",
        Name = "Hub",
        Category = "home-alarm-hub",
        Conditions = ["falls-risk"],
        Connectivity = "digital",
        Regions = ["north-west"],
        Price = new OfferingPrice("per-unit", 150m),
        LeadTimeDays = 7,
    };

    private static Actor SupplierOf(string? organisation) => new("user-1", organisation, new HashSet<MarketplaceRole> { MarketplaceRole.Supplier });

    private sealed class Index : ISearchIndexUpdates
    {
        public List<string> Changed { get; } = [];

        public Task OfferingChangedAsync(string offeringId, CancellationToken ct)
        {
            Changed.Add(offeringId);
            return Task.CompletedTask;
        }
    }

    private sealed class Organisations(params Organisation[] all) : IOrganisations
    {
        public Task<Organisation?> FindAsync(string id, CancellationToken ct) => Task.FromResult(all.FirstOrDefault(o => o.Id == id));

        public Task<IReadOnlyList<Organisation>> ListAsync(string? kind, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<Organisation>>([.. all.Where(o => kind is null || o.Kind == kind)]);
    }

    private readonly MemoryOfferings offerings = new();
    private readonly Index index = new();

    private ReplaceOffering Replace => new(offerings, index, TimeProvider.System);

    private StoredDocument<Offering> Stored(string status = OfferingStatus.Active) =>
        offerings.Put(new Offering(Listing, "off-1", Owner) with { Status = status });

    [Fact]
    public void An_offering_is_its_listing_plus_the_server_owned_fields_and_its_JSON_stays_flat_in_the_schema_order()
    {
        var json = JsonSerializer.SerializeToElement(new Offering(Listing, "off-1", Owner), JsonSerializerOptions.Web);

        Assert.Equal(
            ["id", "supplierId", "kind", "name", "summary", "description", "category", "conditions", "features", "interoperability", "connectivity",
             "regions", "price", "leadTimeDays", "lots", "outcomeEvidence", "accessibilityStatement", "productVersion", "capabilities", "status"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(OfferingStatus.Active, json.GetProperty("status").GetString());
        var read = JsonSerializer.Deserialize<Offering>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(json.GetRawText(), JsonSerializer.Serialize(read, JsonSerializerOptions.Web));
    }

    [Fact]
    public void An_offering_takes_only_the_listing_fields_of_a_submitted_listing_never_its_server_owned_echoes()
    {
        var sent = new SubmittedListing
        {
            Kind = Listing.Kind, Name = "Sent", Category = Listing.Category, Price = Listing.Price,
            Id = "off-other", SupplierId = Other, Status = OfferingStatus.Retired,
        };

        var offering = new Offering(sent, "off-1", Owner);

        Assert.Equal(("off-1", Owner, OfferingStatus.Active, "Sent"), (offering.Id, offering.SupplierId, offering.Status, offering.Name));
    }

    [Fact]
    public void Server_owned_fields_are_accepted_when_they_match_or_are_left_out_and_named_when_they_differ()
    {
        var stored = new Offering(Listing, "off-1", Owner);
        SubmittedListing Echo(string? id, string? supplier, string? status) => new()
        {
            Kind = Listing.Kind, Name = Listing.Name, Category = Listing.Category, Price = Listing.Price, Id = id, SupplierId = supplier, Status = status,
        };

        Assert.Empty(ListingRules.ServerOwnedMismatches(Listing, stored.Id, stored.SupplierId, stored.Status));
        Assert.Empty(ListingRules.ServerOwnedMismatches(Echo("off-1", Owner, OfferingStatus.Active), stored.Id, stored.SupplierId, stored.Status));
        Assert.Empty(ListingRules.ServerOwnedMismatches(Echo(null, null, null), stored.Id, stored.SupplierId, stored.Status));
        Assert.Equal(["id", "supplierId", "status"],
            ListingRules.ServerOwnedMismatches(Echo("off-2", Other, OfferingStatus.Retired), stored.Id, stored.SupplierId, stored.Status).Keys);
        Assert.Equal(["id"], ListingRules.ServerOwnedMismatches(Echo("off-1", Owner, null), null, Owner, OfferingStatus.Active).Keys);
    }

    [Fact]
    public async Task A_change_to_an_unknown_offering_is_not_found_whatever_else_is_missing() =>
        Assert.Equal(FailureKind.NotFound, (await Replace.RunAsync(SupplierOf(Other), "off-nothing", Listing, null, CancellationToken.None)).Failure!.Kind);

    [Fact]
    public async Task Another_supplier_is_forbidden_before_its_missing_If_Match_is_mentioned()
    {
        Stored();

        Assert.Equal(FailureKind.Forbidden, (await Replace.RunAsync(SupplierOf(Other), "off-1", Listing, null, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, (await Replace.RunAsync(SupplierOf(null), "off-1", Listing, "v1", CancellationToken.None)).Failure!.Kind);
    }

    [Fact]
    public async Task The_owner_must_name_a_version_before_being_told_the_listing_is_retired()
    {
        var retired = Stored(OfferingStatus.Retired);

        Assert.Equal(FailureKind.PreconditionRequired, (await Replace.RunAsync(SupplierOf(Owner), "off-1", Listing, null, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.PreconditionRequired, (await Replace.RunAsync(SupplierOf(Owner), "off-1", Listing, "*", CancellationToken.None)).Failure!.Kind);
        var frozen = (await Replace.RunAsync(SupplierOf(Owner), "off-1", Listing, retired.ETag, CancellationToken.None)).Failure!;
        Assert.Equal((FailureKind.Conflict, OfferingStatus.Retired), (frozen.Kind, frozen.Extensions["offeringStatus"]));
    }

    [Fact]
    public async Task A_stale_version_is_refused_before_the_fields_are_judged_then_a_changed_server_owned_field_is_named_and_nothing_is_saved()
    {
        var current = Stored();
        var moved = new SubmittedListing { Kind = Listing.Kind, Name = Listing.Name, Category = Listing.Category, Price = Listing.Price, SupplierId = Other };

        var stale = (await Replace.RunAsync(SupplierOf(Owner), "off-1", moved, "v0", CancellationToken.None)).Failure!;
        var refused = (await Replace.RunAsync(SupplierOf(Owner), "off-1", moved, current.ETag, CancellationToken.None)).Failure!;

        Assert.Equal(FailureKind.Stale, stale.Kind);
        Assert.Equal((FailureKind.Invalid, Problems.ValidationFailed), (refused.Kind, refused.Code));
        Assert.Equal(["supplierId"], refused.Errors.Keys);
        Assert.Empty(offerings.History);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_a_current_one_saves_keeping_history_and_tells_search()
    {
        var current = Stored();

        var stale = await Replace.RunAsync(SupplierOf(Owner), "off-1", Listing with { Name = "Lost" }, "v0", CancellationToken.None);
        var saved = await Replace.RunAsync(SupplierOf(Owner), "off-1", Listing with { Name = "Hub 2" }, current.ETag, CancellationToken.None);

        Assert.Equal(FailureKind.Stale, stale.Failure!.Kind);
        Assert.Equal(("Hub 2", Owner, OfferingStatus.Active), (saved.Value!.Document.Name, saved.Value.Document.SupplierId, saved.Value.Document.Status));
        Assert.NotEqual(current.ETag, saved.Value.ETag);
        Assert.Equal(["Hub"], offerings.History.Select(o => o.Name));
        Assert.Equal(["off-1"], index.Changed);
    }

    [Fact]
    public async Task Retiring_follows_the_same_order_and_a_retired_listing_cannot_be_retired_again()
    {
        var current = Stored();
        var retire = new RetireOffering(offerings, index, TimeProvider.System);

        Assert.Equal(FailureKind.Forbidden, (await retire.RunAsync(SupplierOf(Other), "off-1", current.ETag, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.PreconditionRequired, (await retire.RunAsync(SupplierOf(Owner), "off-1", "", CancellationToken.None)).Failure!.Kind);
        var retired = await retire.RunAsync(SupplierOf(Owner), "off-1", current.ETag, CancellationToken.None);
        Assert.Equal(OfferingStatus.Retired, retired.Value!.Document.Status);
        Assert.Equal(FailureKind.Conflict, (await retire.RunAsync(SupplierOf(Owner), "off-1", retired.Value.ETag, CancellationToken.None)).Failure!.Kind);
    }

    [Fact]
    public async Task Only_a_supplier_organisation_lists_and_a_new_listing_cannot_choose_its_id()
    {
        var create = new CreateOffering(new Organisations(
            new Organisation { Id = Owner, Kind = OrganisationKind.Supplier, Name = "Pennine" },
            new Organisation { Id = "tec-services-association", Kind = OrganisationKind.Association, Name = "TSA" }), offerings, index, TimeProvider.System);
        var withId = new SubmittedListing { Kind = Listing.Kind, Name = Listing.Name, Category = Listing.Category, Price = Listing.Price, Id = "off-mine" };

        Assert.Equal(FailureKind.Forbidden, (await create.RunAsync(SupplierOf("tec-services-association"), Listing, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, (await create.RunAsync(SupplierOf(null), Listing, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(["id"], (await create.RunAsync(SupplierOf(Owner), withId, CancellationToken.None)).Failure!.Errors.Keys);
        var created = (await create.RunAsync(SupplierOf(Owner), Listing, CancellationToken.None)).Value!;
        Assert.Equal((Owner, OfferingStatus.Active), (created.Document.SupplierId, created.Document.Status));
        Assert.Equal([created.Document.Id], index.Changed);
    }

    [Fact]
    public async Task The_edit_form_opens_only_for_the_owner_of_an_active_listing()
    {
        Stored(OfferingStatus.Retired);
        var get = new GetOffering(offerings);

        Assert.Equal(FailureKind.NotFound, (await get.RunForChangeAsync(SupplierOf(Owner), "off-none", CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await get.RunForChangeAsync(SupplierOf(Owner), "Not An Id", CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, (await get.RunForChangeAsync(SupplierOf(Other), "off-1", CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.Conflict, (await get.RunForChangeAsync(SupplierOf(Owner), "off-1", CancellationToken.None)).Failure!.Kind);
        Assert.True((await get.RunAsync(SupplierOf(null), "off-1", CancellationToken.None)).Succeeded);
    }
}
