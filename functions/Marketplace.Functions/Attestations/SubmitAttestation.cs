using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Attestations;

/// <summary><c>POST /api/attestations/{id}/submit</c>: the supplier sends a draft to its association (evidence first, when the standard requires it).</summary>
public static class SubmitAttestation
{
    public static RouteHandlerBuilder MapSubmitAttestation(this IEndpointRouteBuilder app) =>
        app.MapTransition(AttestationAction.Submit, "SubmitAttestation",
            "The owning supplier submits a draft for validation; standards that require evidence need at least one file first.");
}
