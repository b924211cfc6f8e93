using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>A commissioner fills in a key-requirements template as a specification of its own.</summary>
public sealed class CreateSpecification(
    CommissionerAccess access, SpecificationCheck check, ICommissionerRecords<SpecificationDocument> specifications, TimeProvider clock)
{
    /// <summary>The stored specification, or why not (403 not a commissioner, 400 by field).</summary>
    public async Task<Outcome<StoredDocument<SpecificationDocument>>> RunAsync(Actor actor, SpecificationDraft draft, CancellationToken ct)
    {
        var commissioner = await access.OwnCommissionerAsync(actor, ct);
        if (!commissioner.Succeeded)
        {
            return commissioner.Failure;
        }
        var now = clock.GetUtcNow();
        var document = SpecificationDocument.From(draft, $"spec-{Guid.NewGuid():N}"[..17], commissioner.Value.Id, now, actor.UserId, now, actor.UserId);
        if ((await check.RunAsync(document, commissioner.Value.CommissionerType, ct)).Failure is { } invalid)
        {
            return invalid;
        }
        var created = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Specification, document.Id, "create", null, "draft", now)
            with { Detail = $"{document.Title}: template {document.TemplateId} v{document.TemplateVersion}, {document.LotId}, {document.Region}" };
        return await specifications.AddAsync(document, created, ct) is { } stored
            ? stored
            : Failure.Conflict("Could not allocate a specification id.", "Please try again.");
    }
}
