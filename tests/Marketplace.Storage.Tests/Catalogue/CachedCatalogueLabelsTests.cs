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
}
