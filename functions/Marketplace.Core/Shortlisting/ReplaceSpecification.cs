using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Shortlisting;

/// <summary>The owning commissioner changes its specification; shortlists already made keep what they scored.</summary>
public sealed class ReplaceSpecification(
    CommissionerAccess access, SpecificationCheck check, ICommissionerRecords<SpecificationDocument> specifications, IOrganisations organisations,
    TimeProvider clock)
{
    /// <summary>
    /// The stored replacement, or why not (404, 403, 428, 400 by field — including a server-owned field sent with a
    /// value other than the stored one —, 412 when it changed since it was read). <c>serverOwned</c> holds the
    /// server-owned fields the body carried (JSON name → value): a GET→PUT round trip sends them back unchanged.
    /// </summary>
    public async Task<Outcome<StoredDocument<SpecificationDocument>>> RunAsync(Actor actor, string id, SpecificationDraft draft,
        IReadOnlyDictionary<string, JsonElement> serverOwned, string? ifMatch, CancellationToken ct)
    {
        var found = await access.SpecificationForChangeAsync(actor, id, ifMatch, ct);
        if (!found.Succeeded)
        {
            return found.Failure;
        }
        var (current, version) = found.Value;
        var old = current.Document;
        if (ServerOwnedFields.Changed(old, serverOwned, SpecificationDocument.ServerOwnedFields) is { } changed)
        {
            return changed;
        }
        var now = clock.GetUtcNow();
        var next = SpecificationDocument.From(draft, id, old.CommissionerId, old.CreatedAt, old.CreatedBy, now, actor.UserId);
        var commissioner = await organisations.FindAsync(old.CommissionerId, ct);
        if ((await check.RunAsync(next, commissioner?.CommissionerType, ct)).Failure is { } invalid)
        {
            return invalid;
        }
        var change = AuditEvent.By(actor, MarketplaceRole.Commissioner, ShortlistSubjects.Specification, id, "update", "draft", "draft", now)
            with { Detail = Changes(old, next) };
        return await specifications.ReplaceAsync(next, old, version, change, ct) is { } stored ? stored : Failure.Stale();
    }

    // The audit trail says what changed, in words, so a reviewer need not diff documents.
    private static string Changes(SpecificationDocument old, SpecificationDocument next)
    {
        var changes = new List<string>();
        void Compare(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changes.Add($"{name} {a ?? "none"} → {b ?? "none"}");
            }
        }
        Compare("title", old.Title, next.Title);
        Compare("template", $"{old.TemplateId} v{old.TemplateVersion}", $"{next.TemplateId} v{next.TemplateVersion}");
        Compare("lot", old.LotId, next.LotId);
        Compare("region", old.Region, next.Region);
        Compare("volume", old.Volume, next.Volume);
        Compare("contract months", old.ContractMonths, next.ContractMonths);
        Compare("budget", old.BudgetGbp, next.BudgetGbp);
        foreach (var key in old.Weights.Keys.Union(next.Weights.Keys).Order(StringComparer.Ordinal))
        {
            Compare($"weight {key}", old.Weights.TryGetValue(key, out var a) ? a : null, next.Weights.TryGetValue(key, out var b) ? b : null);
        }
        foreach (var key in old.Values.Keys.Union(next.Values.Keys).Order(StringComparer.Ordinal))
        {
            Compare($"value {key}", old.Values.TryGetValue(key, out var a) ? a.GetRawText() : null, next.Values.TryGetValue(key, out var b) ? b.GetRawText() : null);
        }
        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }
}
