using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;
using Marketplace.Core.Standards;
using Marketplace.Storage.Shortlisting;

namespace Marketplace.Storage.Catalogue;

/// <summary>
/// Imports a seed catalogue folder (organisations, standards, frameworks, offerings, attestations, users, key-requirements templates, buyer assessments) into the
/// tables. Insert-only and batched per partition: a second run adds nothing, an interrupted run is completed by the
/// next, and records edited since seeding are never overwritten. An import in the app's own process drops the
/// cached facet labels at once; another process's import reaches them within their lifetime. With a candidate
/// projection, the import then rebuilds it from the tables, so the next shortlist scores what was imported.
/// </summary>
public sealed class CatalogueImport(CatalogueTables tables, ShortlistingTables shortlisting, CachedCatalogueLabels? labels = null, CandidateProjection? candidates = null)
{
    public async Task<IReadOnlyList<ImportCount>> RunAsync(string folder, Action<string> report, CancellationToken ct)
    {
        // Read and parse every file first, so a broken file stops the import before anything is written.
        var organisations = Read<Organisation>(folder, "organisations.json");
        var standards = Read<Standard>(folder, "standards.json");
        var frameworks = Read<Framework>(folder, "frameworks.json");
        var offerings = Read<Offering>(folder, "offerings.json");
        var attestations = Read<Attestation>(folder, "attestations.json");
        var users = Read<UserProfile>(folder, "users.json");
        var templates = ReadTemplates(folder);
        // Commissioners' buyer assessments (optional: catalogues generated before them have none).
        var assessments = File.Exists(Path.Combine(folder, "assessments.json")) ? Read<BuyerAssessment>(folder, "assessments.json") : [];

        try
        {
            IReadOnlyList<ImportCount> counts =
            [
                await ImportAsync(tables.Organisations, organisations, report, ct),
                await ImportAsync(tables.Standards, standards, report, ct),
                await ImportAsync(tables.Frameworks, frameworks, report, ct),
                await ImportAsync(tables.Offerings, offerings, report, ct),
                await ImportAsync(tables.Attestations, attestations, report, ct),
                await ImportAsync(tables.Users, users, report, ct),
                await ImportAsync(shortlisting.Templates, templates, report, ct),
                await ImportAsync(shortlisting.Assessments.Table, assessments, report, ct),
            ];
            if (candidates is not null)
            {
                var drift = await candidates.ReconcileAsync(ct);
                report($"{candidates.Table.Name}: {drift.Missing} rows added, {drift.Changed} changed, {drift.Stale} removed, {drift.CountExpected} active offerings");
            }
            return counts;
        }
        finally
        {
            // Even an interrupted import may have written suppliers or frameworks.
            labels?.Invalidate();
        }
    }

    private static async Task<ImportCount> ImportAsync<T>(DocumentTable<T> table, IReadOnlyList<T> documents, Action<string> report, CancellationToken ct) where T : class
    {
        var step = Math.Max(1, documents.Count / 10);
        var nextReport = step;
        var count = await table.ImportMissingAsync(documents, done =>
        {
            if (done >= Volatile.Read(ref nextReport))
            {
                Interlocked.Exchange(ref nextReport, done + step);
                report($"  {table.Client.Name}: {done}/{documents.Count}");
            }
        }, ct);
        report($"{table.Client.Name}: {count.Added} added, {count.AlreadyPresent} already there");
        return count;
    }

    // Key-requirements templates are hand-written, one file per template in templates/ (optional in a generated catalogue).
    private static KeyRequirementsTemplate[] ReadTemplates(string folder)
    {
        var templates = Path.Combine(folder, "templates");
        return Directory.Exists(templates)
            ? [.. Directory.GetFiles(templates, "*.json").Order(StringComparer.Ordinal).Select(f => Read<KeyRequirementsTemplate>(f))]
            : [];
    }

    private static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, DocumentJson.Options) ?? throw new InvalidDataException($"{path} is empty.");
    }

    private static T[] Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T[]>(stream, DocumentJson.Options)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}
