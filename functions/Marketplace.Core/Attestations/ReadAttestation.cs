using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Attestations;

/// <summary>One attestation with its ETag, for those allowed to see it.</summary>
public sealed class ReadAttestation(AttestationScope scope)
{
    /// <summary>The attestation, 404 when there is none, 403 when the caller may not see it.</summary>
    public async Task<Outcome<StoredDocument<Attestation>>> RunAsync(Actor actor, string id, CancellationToken ct) =>
        (await scope.OpenAsync(actor, id, AttestationOperation.Read, ct)).Then(scoped => scoped.Stored);
}
