using Marketplace.CatalogueGenerator;

namespace Marketplace.Seed.Tests;

public sealed class RegisterSnapshotFileTests
{
    [Fact]
    public void The_register_snapshots_are_the_generators_byte_for_byte()
    {
        var generated = RegisterChecks.Snapshots(new CatalogueGenerator.CatalogueGenerator().Generate());
        var committed = Directory.GetFiles(Path.Combine(Repository.Seed, RegisterChecks.Folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["cqc-2026-11-01.csv", "dspt-2026-11-01.csv", "ico-2026-11-01.csv", "mhra-2026-11-01.csv"], committed);
        foreach (var (name, text) in generated)
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(Repository.Seed, RegisterChecks.Folder, name)));
        }
    }

    [Fact]
    public void Every_register_route_attestation_has_a_reference_and_the_lapsed_one_is_in_no_snapshot()
    {
        var catalogue = new CatalogueGenerator.CatalogueGenerator().Generate();
        // Claimed equivalents (a Care Inspectorate registration for CQC) are not on the register they stand in for.
        var registerRoute = catalogue.Attestations.Where(a => a.StandardCode is "DSPT" or "CQC" or "ICO-REG" or "MHRA-REG" && a.Equivalent is null).ToList();
        var snapshots = string.Concat(RegisterChecks.Snapshots(catalogue).Select(s => s.Text));

        Assert.All(registerRoute, a => Assert.False(string.IsNullOrEmpty(a.RegisterReference)));
        var lapsed = Assert.Single(catalogue.Attestations, a => a.Status == "lapsed");
        Assert.DoesNotContain(lapsed.RegisterReference!, snapshots, StringComparison.Ordinal);
        var dropped = RegisterChecks.DroppedOut(catalogue.Attestations)!;
        Assert.Equal("verified", dropped.Status);
        Assert.DoesNotContain(dropped.RegisterReference!, snapshots, StringComparison.Ordinal);
        Assert.All(registerRoute.Where(a => a.Status == "verified" && a != dropped),
            a => Assert.Contains(a.RegisterReference!, snapshots, StringComparison.Ordinal));
    }
}
