using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Standards;
using Marketplace.Storage.Access;
using Marketplace.Storage.Attestations;
using Marketplace.Storage.Audit;

namespace Marketplace.Functions.Attestations;

/// <summary>Composition: the attestation use cases and the storage adapters behind their ports. The only attestation code that knows storage.</summary>
public static class AttestationsFeature
{
    /// <summary>The attestation use cases and the stores behind them (attestations, evidence, audit, memberships).</summary>
    public static WebApplicationBuilder AddAttestations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IMembershipRegister, TableMembershipRegister>();
        services.AddSingleton<AttestationStore>();
        services.AddSingleton<IAttestationRecords>(sp => sp.GetRequiredService<AttestationStore>());
        services.AddSingleton(builder.Configuration.GetSection(EvidenceScanningOptions.Section).Get<EvidenceScanningOptions>() ?? new EvidenceScanningOptions());
        services.AddSingleton<EvidenceBlobs>();
        services.AddSingleton<IEvidenceFiles>(sp => sp.GetRequiredService<EvidenceBlobs>());
        services.AddSingleton<IEvidenceStaging, TempFileEvidenceStaging>();
        services.AddSingleton<IAttestedOfferings, AttestedOfferings>();
        services.AddSingleton<AttestationScope>();
        services.AddSingleton<SearchFollowsAttestations>();
        services.AddSingleton<CreateAttestation>();
        services.AddSingleton<ReadAttestation>();
        services.AddSingleton<ReadAttestationHistory>();
        services.AddSingleton<ListSupplierAttestations>();
        services.AddSingleton<UploadEvidence>();
        services.AddSingleton<OpenEvidence>();
        services.AddSingleton<ChangeAttestationStatus>();
        services.AddSingleton<ReadCertifierQueue>();
        services.AddSingleton<EndorseAttestation>();
        services.AddSingleton<MigrateLegacyAttestations>();
        services.AddSingleton<ReadAssociationMembers>();
        services.AddSingleton<ExpireLapsedAttestations>();
        services.AddSingleton<ReviewAttestation>();
        services.AddSingleton<ReviewSupplierAttestations>();
        services.AddSingleton<PrepareAttestation>();
        services.AddSingleton<ReadStandardsRegister>();
        return builder;
    }
}
