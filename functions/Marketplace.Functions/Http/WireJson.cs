using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marketplace.Core.Access;
using Marketplace.Core.Assessments;
using Marketplace.Core.Attestations;
using Marketplace.Core.CallOffs;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Registers;
using Marketplace.Core.Shortlisting;
using Marketplace.Core.Standards;
using Marketplace.Functions.Attestations;
using Marketplace.Functions.Background;
using Marketplace.Functions.CallOffs;
using Marketplace.Functions.Catalogue;
using Marketplace.Functions.Health;
using Marketplace.Functions.Hosting;
using Marketplace.Functions.Registers;
using Marketplace.Functions.Shortlisting;

namespace Marketplace.Functions.Http;

/// <summary>
/// The API's wire types (request bodies and answers of the endpoint table), described by generated code. Each
/// endpoint asks for its answers' metadata when the endpoints are first read, before the first answer (bodies, read
/// through <see cref="JsonBody{T}"/>, at their first request); built by reflection, that was most of the start-up.
/// A test checks that every JSON type the endpoint table declares is here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Membership))]
[JsonSerializable(typeof(MembershipRequest))]
[JsonSerializable(typeof(BuyerAssessment))]
[JsonSerializable(typeof(BuyerAssessmentRequest))]
[JsonSerializable(typeof(IReadOnlyList<BuyerAssessment>))]
[JsonSerializable(typeof(Attestation))]
[JsonSerializable(typeof(AttestationHistory))]
[JsonSerializable(typeof(AttestationRequest))]
[JsonSerializable(typeof(CertifierQueue))]
[JsonSerializable(typeof(EvidenceFile))]
[JsonSerializable(typeof(EvidenceLink))]
[JsonSerializable(typeof(SupplierAttestations))]
[JsonSerializable(typeof(TransitionRequest))]
[JsonSerializable(typeof(AwardChecksRequest))]
[JsonSerializable(typeof(ContractRequest))]
[JsonSerializable(typeof(LegalRoute))]
[JsonSerializable(typeof(ResponseRequest))]
[JsonSerializable(typeof(ScoresRequest))]
[JsonSerializable(typeof(StartCompetitionRequest))]
[JsonSerializable(typeof(IReadOnlyList<SealedResponse>))]
[JsonSerializable(typeof(CallOffsApi.TextBody))]
[JsonSerializable(typeof(CompetitionView))]
[JsonSerializable(typeof(IReadOnlyList<CompetitionView>))]
[JsonSerializable(typeof(GetSupplierProfile.SupplierProfile))]
[JsonSerializable(typeof(Offering))]
[JsonSerializable(typeof(SubmittedListing))]
[JsonSerializable(typeof(IReadOnlyList<CapabilitySuggestion>))]
[JsonSerializable(typeof(SearchCatalogueEndpoint.SearchResponse))]
[JsonSerializable(typeof(RegisterImport))]
[JsonSerializable(typeof(IReadOnlyList<RegisterImport>))]
[JsonSerializable(typeof(List<RegisterView>))]
[JsonSerializable(typeof(CallOffRequest))]
[JsonSerializable(typeof(KeyRequirementsTemplate))]
[JsonSerializable(typeof(RecordHistory))]
[JsonSerializable(typeof(SpecificationDocument))]
[JsonSerializable(typeof(IReadOnlyList<SpecificationDocument>))]
[JsonSerializable(typeof(SpecificationDraft))]
[JsonSerializable(typeof(TemplateVersion))]
[JsonSerializable(typeof(IReadOnlyList<TemplateSummary>))]
[JsonSerializable(typeof(ShortlistView))]
[JsonSerializable(typeof(IReadOnlyList<ShortlistsApi.ShortlistSummary>))]
[JsonSerializable(typeof(ShortlistsApi.EquivalentDecisionRequest))]
[JsonSerializable(typeof(ShortlistsApi.Verification))]
[JsonSerializable(typeof(StandardsRegister))]
[JsonSerializable(typeof(GetSignedInUser.SignedInUser))]
[JsonSerializable(typeof(IssueDevToken.DevTokenRequest))]
[JsonSerializable(typeof(IssueDevToken.DevTokenResponse))]
[JsonSerializable(typeof(InvocationRequest))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(GetHealth.HealthReportBody))]
[JsonSerializable(typeof(DevelopmentClockRoutes.AdvanceRequest))]
[JsonSerializable(typeof(DevelopmentClockRoutes.Advanced))]
[JsonSerializable(typeof(JsonObject))]
// Problem extensions are typed object on the wire: the values the app puts there.
[JsonSerializable(typeof(Dictionary<string, string[]>))]
[JsonSerializable(typeof(GetHealth.DependencyStatus[]))]
internal sealed partial class WireJson : JsonSerializerContext;

public static class WireJsonSetup
{
    /// <summary>
    /// Puts the generated wire types first in the HTTP JSON options' resolvers. The reflection resolver stays after
    /// them for anything not listed (a problem extension's value, say), so nothing unlisted fails: it is only slower.
    /// </summary>
    public static IServiceCollection AddWireJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, WireJson.Default));
}
