using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Catalogue;

/// <summary>Anyone reads one listing (retired ones too, marked so) with its ETag; its supplier opens it to change it.</summary>
public sealed class GetOffering(IOfferings offerings)
{
    /// <summary>The offering and its ETag (catalogue reads are public, as on G-Cloud).</summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunAsync(Actor actor, string id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } stored ? stored : Failure.NotFound("offering", id);

    /// <summary>The offering as its supplier opens it to change it: 404, 403 or 409 unless the caller may.</summary>
    public async Task<Outcome<StoredDocument<Offering>>> RunForChangeAsync(Actor actor, string id, CancellationToken ct)
    {
        var stored = await FindAsync(id, ct);
        return OfferingAccess.ForEditing(actor, id, stored?.Document) is { } refused ? refused : stored!;
    }

    private Task<StoredDocument<Offering>?> FindAsync(string id, CancellationToken ct) =>
        Ids.IsId(id) ? offerings.FindAsync(id, ct) : Task.FromResult<StoredDocument<Offering>?>(null);
}
