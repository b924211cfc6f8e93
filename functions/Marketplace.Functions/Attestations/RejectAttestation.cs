using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Attestations;

/// <summary><c>POST /api/attestations/{id}/reject</c>: the member's association refuses a submitted attestation, saying why.</summary>
public static class RejectAttestation
{
    public static RouteHandlerBuilder MapRejectAttestation(this IEndpointRouteBuilder app) =>
        app.MapTransition(AttestationAction.Reject, "RejectAttestation",
            "A validator of the supplier's association (with the standard in its remit) rejects a submitted attestation; body { \"reason\": \"…\" } is required.");
}
