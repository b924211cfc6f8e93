using Marketplace.Core.Attestations;

namespace Marketplace.Functions.Attestations;

/// <summary><c>POST /api/attestations/{id}/withdraw</c>: the supplier takes back a submitted attestation before a decision.</summary>
public static class WithdrawAttestation
{
    public static RouteHandlerBuilder MapWithdrawAttestation(this IEndpointRouteBuilder app) =>
        app.MapTransition(AttestationAction.Withdraw, "WithdrawAttestation",
            "The owning supplier withdraws a submitted attestation before its association decides.");
}
