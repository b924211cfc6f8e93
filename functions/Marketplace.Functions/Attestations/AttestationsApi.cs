using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Storage.Access;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Audit;

namespace Marketplace.Functions.Attestations;

/// <summary>Compliance attestations: drafts, evidence, the validation workflow, queues and history.</summary>
public static class AttestationsApi
{
    /// <summary>The stores behind attestations, evidence, audit and memberships.</summary>
    public static WebApplicationBuilder AddAttestations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuditLog, TableAuditLog>();
        builder.Services.AddSingleton<AttestationStore>();
        builder.Services.AddSingleton<EvidenceBlobs>();
        builder.Services.AddSingleton<IMembershipRegister, TableMembershipRegister>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAttestations(this IEndpointRouteBuilder app)
    {
        app.MapCreateAttestation();
        app.MapGetAttestation();
        app.MapGetAttestationHistory();
        app.MapListSupplierAttestations();
        app.MapUploadEvidence();
        app.MapGetEvidenceLink();
        app.MapSubmitAttestation();
        app.MapWithdrawAttestation();
        app.MapValidateAttestation();
        app.MapRejectAttestation();
        app.MapRevokeAttestation();
        app.MapGetAssociationQueue();
        return app;
    }
}
