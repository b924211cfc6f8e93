using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Attestations;

/// <summary><c>POST /api/attestations/{id}/revoke</c>: the member's association withdraws a validation, saying why.</summary>
public static class RevokeAttestation
{
    public static RouteHandlerBuilder MapRevokeAttestation(this IEndpointRouteBuilder app) =>
        app.MapTransition(AttestationAction.Revoke, "RevokeAttestation",
            "A validator of the supplier's association (with the standard in its remit) revokes a validated attestation; body { \"reason\": \"…\" } " +
            "is required. The standard leaves search at once.");
}
