using Azure.Data.Tables;
using Marketplace.Core.Assessments;
using Marketplace.Core.Audit;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Shortlisting;
using Marketplace.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace Marketplace.Storage.Shortlisting;

/// <summary>Key-requirements templates (every published version), commissioners' specifications, their shortlists and their buyer assessments.</summary>
public sealed class ShortlistingTables(TableServiceClient service, StorageNames names, IAuditLog audit, ILogger<ShortlistingTables> logger) : ITemplates
{
    /// <summary>One row per published version, keyed <c>{id}@{version, 4 digits}</c>; rows are only ever added.</summary>
    public DocumentTable<KeyRequirementsTemplate> Templates { get; } = new(service.GetTableClient(names.TemplatesTable), KeyOf,
        t => new Dictionary<string, object?> { ["TemplateId"] = t.Id, ["Version"] = t.Version });

    public AuditedDocuments<SpecificationDocument> Specifications { get; } = new(
        new DocumentTable<SpecificationDocument>(service.GetTableClient(names.SpecificationsTable), s => s.Id,
            s => new Dictionary<string, object?> { ["CommissionerId"] = s.CommissionerId }),
        ShortlistSubjects.Specification, audit, logger);

    public AuditedDocuments<ShortlistDocument> Shortlists { get; } = new(
        new DocumentTable<ShortlistDocument>(service.GetTableClient(names.ShortlistsTable), s => s.Id,
            s => new Dictionary<string, object?> { ["CommissionerId"] = s.CommissionerId, ["SpecificationId"] = s.SpecificationId, ["Status"] = s.Status }),
        ShortlistSubjects.Shortlist, audit, logger);

    /// <summary>Further competitions, keyed by their shortlist's id, with their status for the timer.</summary>
    /// <summary>Invitations by supplier (partition) and competition (row); the competition itself is the record.</summary>
    public TableClient CompetitionInvitations { get; } = service.GetTableClient(names.CompetitionInvitationsTable);

    public AuditedDocuments<Competition> Competitions { get; } = new(
        new DocumentTable<Competition>(service.GetTableClient(names.CompetitionsTable), c => c.Id,
            c => new Dictionary<string, object?> { ["CommissionerId"] = c.CommissionerId, ["Status"] = c.Status }),
        CompetitionSubject.Kind, audit, logger);

    /// <summary>Commissioners' buyer assessments (DTAC, NICE ESF), found by commissioner or by offering.</summary>
    public AuditedDocuments<BuyerAssessment> Assessments { get; } = new(
        new DocumentTable<BuyerAssessment>(service.GetTableClient(names.AssessmentsTable), a => a.Id,
            a => new Dictionary<string, object?> { ["CommissionerId"] = a.CommissionerId, ["OfferingId"] = a.OfferingId, ["SupplierId"] = a.SupplierId }),
        BuyerAssessment.SubjectKind, audit, logger);

    /// <summary>The row key of one template version.</summary>
    public static string KeyOf(KeyRequirementsTemplate template) => KeyOf(template.Id, template.Version);

    public static string KeyOf(string id, int version) => $"{id}@{version:D4}";

    /// <summary>Every version of one template, oldest first.</summary>
    public async Task<IReadOnlyList<KeyRequirementsTemplate>> VersionsOfAsync(string templateId, CancellationToken ct)
    {
        var versions = new List<KeyRequirementsTemplate>();
        await foreach (var template in Templates.ListAsync(TableFilter.Equal("TemplateId", templateId), ct))
        {
            versions.Add(template);
        }
        return [.. versions.OrderBy(t => t.Version)];
    }

    async Task<bool> ITemplates.AddAsync(KeyRequirementsTemplate template, CancellationToken ct) => await Templates.AddAsync(template, ct) is not null;

    /// <summary>The latest version of each template, by id.</summary>
    public async Task<IReadOnlyList<KeyRequirementsTemplate>> LatestAsync(CancellationToken ct)
    {
        var latest = new Dictionary<string, KeyRequirementsTemplate>(StringComparer.Ordinal);
        await foreach (var template in Templates.ListAsync(null, ct))
        {
            if (!latest.TryGetValue(template.Id, out var seen) || seen.Version < template.Version)
            {
                latest[template.Id] = template;
            }
        }
        return [.. latest.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }
}
