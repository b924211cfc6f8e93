using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Storage.Catalogue;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Storage.Tests.Catalogue;

/// <summary>The search page's facet labels are read once a minute, not on every view, and an import drops them at once.</summary>
public sealed class CachedCatalogueLabelsTests
{
    private sealed class Counting : IOrganisations, IFrameworks
    {
        public int Reads { get; private set; }
        public string SupplierName { get; set; } = "Pennine Careline Ltd";

        public Task<Organisation?> FindAsync(string id, CancellationToken ct) => throw new NotSupportedException("Labels come from lists.");

        public Task<IReadOnlyList<Organisation>> ListAsync(string? kind, CancellationToken ct)
        {
            Reads++;
            Assert.Equal(OrganisationKind.Supplier, kind);
            return Task.FromResult<IReadOnlyList<Organisation>>([new Organisation { Id = "pennine-careline", Kind = OrganisationKind.Supplier, Name = SupplierName }]);
        }

        Task<Framework?> IFrameworks.FindAsync(string id, CancellationToken ct) => throw new NotSupportedException("Labels come from lists.");

        public Task<IReadOnlyList<Framework>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Framework>>(
        [
            new Framework
            {
                Id = "ttc-2026", Reference = "TTC-2026", Name = "Technology enabled care", Status = "live",
                Dates = new FrameworkDates(new(2025, 1, 1), new(2025, 3, 1), new(2025, 6, 1), new(2029, 6, 1)),
                Lots = [new FrameworkLot("ttc-2026-lot-1", 1, "Telecare devices", "", [], [])],
            },
        ]);
    }

    [Fact]
    public async Task Labels_are_reused_for_a_minute_then_read_again_and_an_invalidation_reads_at_once()
    {
        var reference = new Counting();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-01T09:00:00Z"));
        var labels = new CachedCatalogueLabels(reference, reference, time);

        var first = await labels.ReadAsync(CancellationToken.None);
        reference.SupplierName = "Pennine Careline Group";
        time.Advance(TimeSpan.FromSeconds(59));
        var cached = await labels.ReadAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var expired = await labels.ReadAsync(CancellationToken.None);
        reference.SupplierName = "Pennine Careline plc";
        labels.Invalidate();
        var afterImport = await labels.ReadAsync(CancellationToken.None);

        Assert.Equal("TTC-2026 lot 1: Telecare devices", first.Lots["ttc-2026-lot-1"]);
        Assert.Equal(["Pennine Careline Ltd", "Pennine Careline Ltd", "Pennine Careline Group", "Pennine Careline plc"],
            new[] { first, cached, expired, afterImport }.Select(l => l.Suppliers["pennine-careline"]));
        Assert.Equal(3, reference.Reads);
    }

    private sealed class Vouched : IOrganisations, IFrameworks
    {
        private static readonly Organisation[] Associations =
        [
            new() { Id = "tec-services-association", Kind = OrganisationKind.Association, Name = "TEC Services Association" },
            new() { Id = "techuk", Kind = OrganisationKind.Association, Name = "techUK" },
        ];

        public Task<Organisation?> FindAsync(string id, CancellationToken ct) => Task.FromResult(Associations.FirstOrDefault(a => a.Id == id));

        public Task<IReadOnlyList<Organisation>> ListAsync(string? kind, CancellationToken ct) => Task.FromResult<IReadOnlyList<Organisation>>(
        [
            new Organisation
            {
                Id = "pennine-careline", Kind = OrganisationKind.Supplier, Name = "Pennine Careline Ltd", Memberships = ["tec-services-association", "techuk"],
                Commitments = [new OrganisationCommitment(Commitments.ThreeMillionLives, "tec-services-association", new DateOnly(2012, 6, 14))],
            },
            new Organisation { Id = "quiet-ltd", Kind = OrganisationKind.Supplier, Name = "Quiet Ltd" },
        ]);

        Task<Framework?> IFrameworks.FindAsync(string id, CancellationToken ct) => Task.FromResult<Framework?>(null);

        public Task<IReadOnlyList<Framework>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Framework>>([]);
    }

    [Fact]
    public async Task Labels_say_what_each_suppliers_associations_vouch_for_by_name_and_leave_out_suppliers_with_none()
    {
        var reference = new Vouched();

        var labels = await new CachedCatalogueLabels(reference, reference, TimeProvider.System).ReadAsync(CancellationToken.None);

        Assert.Equal("Member of TEC Services Association and techUK · 3millionlives commitment (vouched for by TEC Services Association)",
            labels.Vouched["pennine-careline"]);
        Assert.False(labels.Vouched.ContainsKey("quiet-ltd"));
    }
}
