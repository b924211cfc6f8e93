using System.Text.Json;
using Marketplace.Core.Attestations;
using Marketplace.Core.Registers;
using Marketplace.Functions.Registers;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Registers;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Registers;

/// <summary>The seed's register snapshots, imported as the seed command does, on the seeded catalogue.</summary>
public sealed class SeedRegisterTests
{
    [Fact]
    public async Task The_seed_snapshots_verify_the_matching_submitted_claims_lapse_the_one_dropped_out_and_seeding_again_changes_nothing()
    {
        await using var app = await MarketplaceApp.StartAsync(overrides: new Dictionary<string, string?> { ["Background:RunInProcess"] = "false" });
        var folder = RepositoryPaths.Combine("catalogue-seed");
        await app.Services.GetRequiredService<CatalogueImport>().RunAsync(folder, _ => { }, CancellationToken.None);
        var seeded = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "attestations.json"))).RootElement.EnumerateArray()
            .Select(a => a.Deserialize<Attestation>(Marketplace.Storage.DocumentJson.Options)!)
            // Claimed equivalents (a Care Inspectorate registration for CQC) are not on the register they stand in for.
            .Where(a => PublicRegisters.ForStandard(a.StandardCode) is not null && a.Equivalent is null).ToList();
        // What each snapshot lists as registered, read with the import's own reader.
        var registered = new Dictionary<(string Code, string Reference), RegisterRow>();
        foreach (var register in PublicRegisters.All)
        {
            await using var csv = File.OpenRead(Path.Combine(folder, "registers", $"{register.Slug}-2026-11-01.csv"));
            await foreach (var row in BlobRegisterSnapshots.ReadCsvAsync(register, csv, CancellationToken.None))
            {
                if (register.Counts(row.Status))
                {
                    registered[(register.StandardCode, row.Reference)] = row;
                }
            }
        }

        var imports = await RegisterSeed.ImportAsync(app.Services, folder, _ => { }, CancellationToken.None);

        Assert.Equal(4, imports.Count);
        Assert.All(imports, i => Assert.Equal(RegisterImportStatus.Done, i.Status));
        Assert.All(seeded, a => Assert.False(string.IsNullOrEmpty(a.RegisterReference), $"{a.Id} has no register reference"));
        var store = app.Services.GetRequiredService<AttestationStore>();
        var names = app.Services.GetRequiredService<CatalogueTables>();
        var verifiedNow = 0;
        var lapsedNow = new List<string>();
        var leftSubmitted = new List<string>();
        foreach (var attestation in seeded)
        {
            var now = (await store.FindAsync(attestation.Id, CancellationToken.None))!.Document;
            var listed = registered.GetValueOrDefault((attestation.StandardCode, attestation.RegisterReference!));
            if (attestation.Status == AttestationStatus.Submitted)
            {
                var name = attestation.StandardCode == "MHRA-REG"
                    ? (await names.Offerings.FindAsync(attestation.OfferingId!, CancellationToken.None))!.Document.Name
                    : (await names.Organisations.FindAsync(attestation.SupplierId, CancellationToken.None))!.Document.Name;
                var matches = listed is not null && RegisterNames.Match(listed.Name, name);
                Assert.Equal((attestation.Id, matches ? AttestationStatus.Verified : AttestationStatus.Submitted), (attestation.Id, now.Status));
                verifiedNow += matches ? 1 : 0;
                if (!matches)
                {
                    leftSubmitted.Add(attestation.StandardCode);
                }
            }
            else if (attestation.Status == AttestationStatus.Verified && now.Status == AttestationStatus.Lapsed)
            {
                Assert.Null(listed);
                lapsedNow.Add(attestation.Id);
            }
            else
            {
                Assert.Equal((attestation.Id, attestation.Status), (attestation.Id, now.Status));
            }
        }
        Assert.True(verifiedNow >= 2, $"Only {verifiedNow} submitted register claims were verified by the seed snapshots.");
        // The MHRA row naming another model of the device leaves its claim for a person to look at.
        Assert.Equal(["MHRA-REG"], leftSubmitted);
        Assert.Single(lapsedNow);
        Assert.Equal(imports.Sum(i => i.Verified), verifiedNow);
        Assert.Equal(1, imports.Sum(i => i.Lapsed));

        var again = await RegisterSeed.ImportAsync(app.Services, folder, _ => { }, CancellationToken.None);
        Assert.Equal(imports.Select(i => (i.Key, i.Status, i.Verified, i.Lapsed)), again.Select(i => (i.Key, i.Status, i.Verified, i.Lapsed)));
    }
}
