using Marketplace.Core.Access;
using Marketplace.Core.Audit;

namespace Marketplace.Core.Catalogue;

/// <summary>The audit events of offering changes, by the owning supplier: what was done and which declarations it touched.</summary>
internal static class OfferingAudit
{
    /// <summary>
    /// <paramref name="before"/> (null when new) became <paramref name="after"/>; the detail names the capabilities
    /// added, changed and withdrawn, and <paramref name="detail"/> when given.
    /// </summary>
    public static AuditEvent Of(Actor actor, string action, Offering? before, Offering after, DateTimeOffset at, string? detail = null)
    {
        var changes = CapabilityDeclarations.Compare(before?.Capabilities ?? [], after.Capabilities).Describe();
        return AuditEvent.By(actor, MarketplaceRole.Supplier, Offering.SubjectKind, after.Id, action, before?.Status, after.Status, at)
            with { Detail = string.Join(" ", new[] { detail, changes }.OfType<string>()) is { Length: > 0 } text ? text : null };
    }
}
