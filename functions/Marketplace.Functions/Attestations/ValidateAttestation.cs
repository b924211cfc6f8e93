using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Attestations;

/// <summary><c>POST /api/attestations/{id}/validate</c>: the member's association accepts a submitted attestation.</summary>
public static class ValidateAttestation
{
    public static RouteHandlerBuilder MapValidateAttestation(this IEndpointRouteBuilder app) =>
        app.MapTransition(AttestationAction.Validate, "ValidateAttestation",
            "A validator of an association the supplier belongs to, whose remit covers the standard, validates a submitted attestation " +
            "(stamping decidedBy and decidedAt); the standard shows in search at once.");
}
