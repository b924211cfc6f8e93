using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Standards;
using Marketplace.Functions.Access;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Functions.Tests.Access;

/// <summary>
/// The access matrix's organisation dimension, on the seed catalogue: every route whose answer depends on the caller's
/// organisation × every role × the caller's own organisation, other organisations, and no token. A parameterised route
/// open to an organisation's role that declares no <see cref="OrganisationScope"/>, or one without a sample request
/// here, fails the suite.
/// </summary>
public sealed class OrganisationMatrixTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    // Seed resources: att-000007 is Pennine Careline Services' TSA-QSF attestation on off-000019, verified by TEC Quality,
    // with two evidence files; Pennine belongs to the TEC Services Association and techUK. off-000009 is Downs Careline
    // Systems' offering.
    private const string Attestation = "att-000007";
    private const string AttestationSupplier = "pennine-careline-services";
    private const string Offering = "off-000009";
    private const string Supplier = "downs-careline-systems";
    private const string Certifier = "tec-quality";
    private const string Commissioner = "nhs-mersey-vale-icb";
    private const string EvidenceFile = "pennine-careline-services-tsa-qsf-certificate-2025.pdf";
    private const string DeclaredCapability = "clinician-dashboard";

    private MarketplaceApp App => seeded.App;

    /// <summary>A request per organisation-scoped endpoint, given stale ETags so that nothing changes even when let in.</summary>
    private static readonly Dictionary<string, Func<StaleETags, HttpRequestMessage>> Samples = new(StringComparer.Ordinal)
    {
        ["GetAttestation"] = _ => new(HttpMethod.Get, $"/api/attestations/{Attestation}"),
        ["GetAttestationHistory"] = _ => new(HttpMethod.Get, $"/api/attestations/{Attestation}/history"),
        ["ListSupplierAttestations"] = _ => new(HttpMethod.Get, $"/api/suppliers/{Supplier}/attestations?status=verified"),
        ["GetEvidenceLink"] = _ => new(HttpMethod.Get, $"/api/attestations/{Attestation}/evidence/{EvidenceFile}"),
        ["UploadEvidence"] = _ => new(HttpMethod.Put, $"/api/attestations/{Attestation}/evidence/matrix.pdf") { Content = new ByteArrayContent("%PDF-1.7 matrix"u8.ToArray()) },
        ["SubmitAttestation"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/attestations/{Attestation}/submit"), e.Attestation),
        ["WithdrawAttestation"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/attestations/{Attestation}/withdraw"), e.Attestation),
        ["VerifyAttestation"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/attestations/{Attestation}/verify"), e.Attestation),
        ["RejectAttestation"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/attestations/{Attestation}/reject") { Content = JsonContent.Create(new { reason = "matrix" }) }, e.Attestation),
        ["RevokeAttestation"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/attestations/{Attestation}/revoke") { Content = JsonContent.Create(new { reason = "matrix" }) }, e.Attestation),
        ["EndorseAttestation"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/attestations/{Attestation}/endorse"), e.Attestation),
        ["GetCertifierQueue"] = _ => new(HttpMethod.Get, $"/api/certifiers/{Certifier}/queue"),
        ["ReplaceOffering"] = e => WithIfMatch(new(HttpMethod.Put, $"/api/offerings/{Offering}") { Content = JsonContent.Create(e.Listing) }, e.Offering),
        ["RetireOffering"] = e => WithIfMatch(new(HttpMethod.Delete, $"/api/offerings/{Offering}"), e.Offering),
        // DSPT is not buyer-assessed: refused (400) once let in, so the matrix records no assessment.
        ["RecordBuyerAssessment"] = _ => new(HttpMethod.Post, $"/api/offerings/{Offering}/assessments") { Content = JsonContent.Create(new { standardCode = "DSPT" }) },
        ["ListBuyerAssessments"] = _ => new(HttpMethod.Get, $"/api/offerings/{Offering}/assessments"),
        // No commissioner has assessed the sample offering: 409 once let in, and nothing is stored.
        // The sample offering is given a declaration with an evidence file (StaleETagsAsync); the upload's stale If-Match is a 412 once let in.
        ["GetCapabilitySuggestions"] = _ => new(HttpMethod.Get, $"/api/offerings/{Offering}/capability-suggestions"),
        ["UploadCapabilityEvidence"] = e => WithIfMatch(new(HttpMethod.Put, $"/api/offerings/{Offering}/capabilities/{DeclaredCapability}/evidence")
        {
            Content = new ByteArrayContent("%PDF-1.7 matrix"u8.ToArray()),
        }, e.Offering),
        ["GetCapabilityEvidenceLink"] = _ => new(HttpMethod.Get, $"/api/offerings/{Offering}/capabilities/{DeclaredCapability}/evidence"),
        ["UploadAssessmentEvidence"] = _ => new(HttpMethod.Put, $"/api/offerings/{Offering}/assessments/DTAC/evidence/matrix.pdf") { Content = new ByteArrayContent("%PDF-1.7 matrix"u8.ToArray()) },
        ["RecordBuyerAssessmentForm"] = _ => new(HttpMethod.Post, $"/catalogue/offerings/{Offering}/assessment") { Content = new FormUrlEncodedContent([new("clinical-safety", "pass")]) },
        ["GetSpecification"] = e => new(HttpMethod.Get, $"/api/specifications/{e.SpecificationId}"),
        ["GetSpecificationHistory"] = e => new(HttpMethod.Get, $"/api/specifications/{e.SpecificationId}/history"),
        ["ReplaceSpecification"] = e => WithIfMatch(new(HttpMethod.Put, $"/api/specifications/{e.SpecificationId}") { Content = JsonContent.Create(e.SpecificationBody) }, e.Specification),
        ["ListCommissionerSpecifications"] = _ => new(HttpMethod.Get, $"/api/commissioners/{Commissioner}/specifications"),
        // maxResults=0 is refused (400) once let in, so the matrix adds no shortlist.
        ["CreateShortlist"] = e => new(HttpMethod.Post, $"/api/specifications/{e.SpecificationId}/shortlist?maxResults=0"),
        ["GetShortlist"] = e => new(HttpMethod.Get, $"/api/shortlists/{e.ShortlistId}"),
        ["GetShortlistHistory"] = e => new(HttpMethod.Get, $"/api/shortlists/{e.ShortlistId}/history"),
        ["VerifyShortlist"] = e => new(HttpMethod.Get, $"/api/shortlists/{e.ShortlistId}/verify"),
        ["ExportShortlist"] = e => new(HttpMethod.Get, $"/api/shortlists/{e.ShortlistId}/export?format=csv"),
        ["LockShortlist"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/shortlists/{e.ShortlistId}/lock"), e.Shortlist),
        ["RecordShortlistOutcome"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/shortlists/{e.ShortlistId}/outcome") { Content = JsonContent.Create(new { result = "cancelled", reason = "matrix" }) }, e.Shortlist),
        ["ListCommissionerShortlists"] = _ => new(HttpMethod.Get, $"/api/commissioners/{Commissioner}/shortlists"),
        ["AcceptEquivalent"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/shortlists/{e.ShortlistId}/equivalents/att-matrix/accept") { Content = JsonContent.Create(new { reason = "matrix" }) }, e.Shortlist),
        ["RejectEquivalent"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/shortlists/{e.ShortlistId}/equivalents/att-matrix/reject") { Content = JsonContent.Create(new { reason = "matrix" }) }, e.Shortlist),
        // Web pages. Forms are sent without an antiforgery token: the caller's organisation is checked first (403),
        // and a caller who may act gets 400 for the missing token, so nothing changes.
        ["AttestationPage"] = _ => new(HttpMethod.Get, $"/attestations/{Attestation}"),
        ["OpenEvidencePage"] = _ => new(HttpMethod.Get, $"/attestations/{Attestation}/evidence/{EvidenceFile}"),
        ["UploadEvidenceForm"] = _ => new(HttpMethod.Post, $"/attestations/{Attestation}/evidence")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 matrix"u8.ToArray()), "evidence", "matrix.pdf" } },
        },
        ["SubmitAttestationForm"] = e => Form($"/attestations/{Attestation}/submit", e.Attestation),
        ["WithdrawAttestationForm"] = e => Form($"/attestations/{Attestation}/withdraw", e.Attestation),
        ["VerifyAttestationForm"] = e => Form($"/attestations/{Attestation}/verify", e.Attestation),
        ["RejectAttestationForm"] = e => Form($"/attestations/{Attestation}/reject", e.Attestation, ("reject-reason", "matrix")),
        ["RevokeAttestationForm"] = e => Form($"/attestations/{Attestation}/revoke", e.Attestation, ("revoke-reason", "matrix")),
        ["EndorseAttestationForm"] = e => Form($"/attestations/{Attestation}/endorse", e.Attestation),
        ["EditListingPage"] = _ => new(HttpMethod.Get, $"/supplier/listings/{Offering}/edit"),
        ["SaveListingForm"] = e => Form($"/supplier/listings/{Offering}/edit", e.Offering, ("name", "Matrix")),
        ["RetireListingForm"] = e => Form($"/supplier/listings/{Offering}/retire", e.Offering),
        ["CapabilitiesPage"] = _ => new(HttpMethod.Get, $"/supplier/listings/{Offering}/capabilities"),
        ["DeclareCapabilityForm"] = e => Form($"/supplier/listings/{Offering}/capabilities", e.Offering, ("capability", "video-sessions"), ("statement", "Matrix statement.")),
        ["WithdrawCapabilityForm"] = e => Form($"/supplier/listings/{Offering}/capabilities/{DeclaredCapability}/withdraw", e.Offering),
        ["UploadCapabilityEvidenceForm"] = _ => new(HttpMethod.Post, $"/supplier/listings/{Offering}/capabilities/{DeclaredCapability}/evidence")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7 matrix"u8.ToArray()), "evidence", "matrix.pdf" } },
        },
        ["OpenCapabilityEvidencePage"] = _ => new(HttpMethod.Get, $"/catalogue/offerings/{Offering}/capabilities/{DeclaredCapability}/evidence"),
        ["SpecificationPage"] = e => new(HttpMethod.Get, $"/specifications/{e.SpecificationId}"),
        ["CreateShortlistForm"] = e => Form($"/specifications/{e.SpecificationId}/shortlist", e.Specification),
        ["ShortlistPage"] = e => new(HttpMethod.Get, $"/shortlists/{e.ShortlistId}"),
        ["LockShortlistForm"] = e => Form($"/shortlists/{e.ShortlistId}/lock", e.Shortlist),
        ["RecordOutcomeForm"] = e => Form($"/shortlists/{e.ShortlistId}/outcome", e.Shortlist, ("outcome-result", "cancelled"), ("outcome-reason", "matrix")),
        ["RecordAwardChecksForm"] = e => Form($"/shortlists/{e.ShortlistId}/award-checks", e.Shortlist, ("checks-declaration", "matrix")),
        ["AcceptEquivalentForm"] = e => Form($"/shortlists/{e.ShortlistId}/equivalents/att-matrix/accept", e.Shortlist, ("equivalent-reason-att-matrix", "matrix")),
        ["RejectEquivalentForm"] = e => Form($"/shortlists/{e.ShortlistId}/equivalents/att-matrix/reject", e.Shortlist, ("equivalent-reason-att-matrix", "matrix")),
        ["ExportShortlistPage"] = e => new(HttpMethod.Get, $"/shortlists/{e.ShortlistId}/export?format=csv"),
        // Call-offs. The sample competition is open with one question (StaleETagsAsync): reads are let in; bodies are
        // valid for their schema, and a change once let in meets a past deadline or missing answers (400), a stale
        // If-Match (412) or the sealed responses (409); only a question is added and answered.
        ["GetCallOffRoute"] = e => new(HttpMethod.Get, $"/api/shortlists/{e.ShortlistId}/route"),
        ["RecordAwardChecks"] = e => WithIfMatch(new(HttpMethod.Post, $"/api/shortlists/{e.ShortlistId}/award-checks")
        {
            Content = JsonContent.Create(new { debarmentListChecked = true, checkedOn = "2026-11-30", conflictsDeclaration = "matrix", conflictFound = false }),
        }, e.Shortlist),
        ["StartCompetition"] = e => new(HttpMethod.Post, $"/api/shortlists/{e.ShortlistId}/competition") { Content = JsonContent.Create(new { deadline = "2020-01-01T00:00:00Z" }) },
        ["GetCompetition"] = e => new(HttpMethod.Get, $"/api/competitions/{e.CompetitionId}"),
        ["ListSupplierInvitations"] = _ => new(HttpMethod.Get, $"/api/suppliers/{Supplier}/invitations"),
        ["AskClarification"] = e => new(HttpMethod.Post, $"/api/competitions/{e.CompetitionId}/questions") { Content = JsonContent.Create(new { text = "Matrix question?" }) },
        ["AnswerClarification"] = e => new(HttpMethod.Post, $"/api/competitions/{e.CompetitionId}/questions/q1/answer") { Content = JsonContent.Create(new { text = "Matrix answer." }) },
        ["SubmitResponse"] = e => new(HttpMethod.Put, $"/api/competitions/{e.CompetitionId}/responses/{e.InvitedSupplier}")
        {
            Content = JsonContent.Create(new { priceGbp = 1, answers = new Dictionary<string, object>() }),
        },
        ["ListResponses"] = e => new(HttpMethod.Get, $"/api/competitions/{e.CompetitionId}/responses"),
        ["ScoreResponse"] = e => new(HttpMethod.Post, $"/api/competitions/{e.CompetitionId}/scores/{e.InvitedSupplier}") { Content = JsonContent.Create(new { }) },
        ["DecideAward"] = e => new(HttpMethod.Post, $"/api/competitions/{e.CompetitionId}/award"),
        ["EnterContract"] = e => new(HttpMethod.Post, $"/api/competitions/{e.CompetitionId}/contract")
        {
            Content = JsonContent.Create(new { signedOn = "2026-11-30", valueGbp = 1, startDate = "2027-01-01", endDate = "2028-01-01" }),
        },
        // Call-off pages: forms without an antiforgery token (400 once let in); the score page is sealed (409) before the deadline.
        ["StartCompetitionForm"] = e => Form($"/shortlists/{e.ShortlistId}/competition", e.Shortlist, ("competition-deadline-day", "1"), ("competition-deadline-month", "1"), ("competition-deadline-year", "2020")),
        ["CompetitionPage"] = e => new(HttpMethod.Get, $"/competitions/{e.CompetitionId}"),
        ["AnswerClarificationForm"] = e => Form($"/competitions/{e.CompetitionId}/questions/q1/answer", "", ("answer-q1", "Matrix answer.")),
        ["ScoreResponsePage"] = e => new(HttpMethod.Get, $"/competitions/{e.CompetitionId}/responses/{e.InvitedSupplier}"),
        ["ScoreResponseForm"] = e => Form($"/competitions/{e.CompetitionId}/responses/{e.InvitedSupplier}", ""),
        ["DecideAwardForm"] = e => Form($"/competitions/{e.CompetitionId}/award", ""),
        ["EnterContractForm"] = e => Form($"/competitions/{e.CompetitionId}/contract", "", ("contract-value", "1")),
        ["SupplierInvitationPage"] = e => new(HttpMethod.Get, $"/supplier/invitations/{e.CompetitionId}"),
        ["AskClarificationForm"] = e => Form($"/supplier/invitations/{e.CompetitionId}/questions", "", ("question", "Matrix question?")),
        ["SubmitResponseForm"] = e => Form($"/supplier/invitations/{e.CompetitionId}/response", "", ("price", "1")),
    };

    private static HttpRequestMessage Form(string path, string etag, params (string Name, string Value)[] fields) => new(HttpMethod.Post, path)
    {
        Content = new FormUrlEncodedContent([new("etag", etag), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
    };

    /// <summary>ETags the sample resources had before an unconditional rewrite, and the offering's listing as a body.</summary>
    private sealed record StaleETags(string Attestation, string Offering, object Listing,
        string SpecificationId, string Specification, object SpecificationBody, string ShortlistId, string Shortlist,
        string CompetitionId, string InvitedSupplier, IReadOnlySet<string> Invited);

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, string etag)
    {
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }

    [Fact]
    public void Every_parameterised_route_open_to_an_organisations_role_declares_its_organisation_scope_and_has_a_sample()
    {
        var failures = new List<string>();
        foreach (var route in Routes())
        {
            var name = route.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? route.DisplayName;
            var rule = route.Metadata.GetMetadata<AccessRule>();
            var scope = route.Metadata.GetMetadata<OrganisationScope>();
            var organisationRoles = rule is { Kind: AccessKind.Roles } ? rule.Roles.Where(r => r != MarketplaceRole.Admin).ToList() : [];
            if (scope is null && organisationRoles.Count > 0 && route.RoutePattern.Parameters.Count > 0)
            {
                failures.Add($"{name} ({route.RoutePattern.RawText}) is open to {string.Join(", ", organisationRoles)} about a resource in its path but declares no organisation scope.");
            }
            if (scope is not null && !scope.Relations.Keys.ToHashSet().SetEquals(rule?.Roles ?? []))
            {
                failures.Add($"{name}: its organisation scope names {string.Join(", ", scope.Relations.Keys)} but its access rule allows {string.Join(", ", rule?.Roles ?? [])}.");
            }
            if (scope is not null && !Samples.ContainsKey(name!))
            {
                failures.Add($"{name} declares an organisation scope but has no sample request in {nameof(OrganisationMatrixTests)}.");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_organisation_scoped_route_answers_own_and_other_organisations_and_no_token_as_declared()
    {
        var etags = await StaleETagsAsync();
        var world = await WorldAsync() with { InvitedSupplier = etags.InvitedSupplier, Invited = etags.Invited };
        // Pages answer some requests with a redirect (an evidence file opens through its short-lived link): the status
        // that counts is the page's own, not that of wherever it points.
        using var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var clients = new Dictionary<(MarketplaceRole, string?), HttpClient>();
        async Task<HttpClient> ClientAsync(MarketplaceRole role, string? organisation) =>
            clients.TryGetValue((role, organisation), out var client) ? client : clients[(role, organisation)] = await App.ClientForAsync(role, organisation, followRedirects: false);
        var failures = new List<string>();
        var checkedCalls = 0;

        foreach (var route in Routes().Where(r => r.Metadata.GetMetadata<OrganisationScope>() is not null))
        {
            var name = route.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            var rule = route.Metadata.GetMetadata<AccessRule>()!;
            var scope = route.Metadata.GetMetadata<OrganisationScope>()!;
            var sample = Samples[name];

            var unauthenticated = (await anonymous.SendAsync(sample(etags))).StatusCode;
            if (unauthenticated != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{name} with no token: got {(int)unauthenticated}, expected 401");
            }
            foreach (var role in Enum.GetValues<MarketplaceRole>())
            {
                var (own, other) = scope.Relations.TryGetValue(role, out var relation)
                    ? world.Organisations(role, relation, scope.Resource)
                    : world.Organisations(role, OrganisationRelation.AnyOrganisation, scope.Resource);
                foreach (var (organisation, isOwn) in own.Select(o => (o, true)).Concat(other.Select(o => (o, false))))
                {
                    var status = (await (await ClientAsync(role, organisation)).SendAsync(sample(etags))).StatusCode;
                    checkedCalls++;
                    var letIn = rule.Roles.Contains(role) && (isOwn || relation == OrganisationRelation.AnyOrganisation);
                    var ok = letIn ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) : status == HttpStatusCode.Forbidden;
                    if (!ok)
                    {
                        failures.Add($"{name} as {role} of {organisation ?? "no organisation"} ({(isOwn ? "own" : "other")}): got {(int)status}, expected {(letIn ? "access" : "403")}");
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCalls > 100, $"Only {checkedCalls} calls were checked.");
        // Nothing the matrix sent changed the sample attestation.
        var unchanged = (await App.Services.GetRequiredService<CatalogueTables>().Attestations.FindAsync(Attestation, CancellationToken.None))!.Document;
        Assert.Equal((AttestationStatus.Verified, 2), (unchanged.Status, unchanged.Evidence.Count));
    }

    private List<RouteEndpoint> Routes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .ToList();

    /// <summary>Rewrites the sample attestation and offering unchanged, so the ETags read before are stale.</summary>
    private async Task<StaleETags> StaleETagsAsync()
    {
        var tables = App.Services.GetRequiredService<CatalogueTables>();
        var attestation = (await tables.Attestations.FindAsync(Attestation, CancellationToken.None))!;
        var offering = (await tables.Offerings.FindAsync(Offering, CancellationToken.None))!;
        await tables.Attestations.WriteAsync(Attestation, attestation.Document, CancellationToken.None);
        var declared = offering.Document with
        {
            Capabilities =
            [
                new CapabilityDeclaration
                {
                    Capability = DeclaredCapability, Statement = "Web dashboard for the monitoring team.", DeclaredOn = new DateOnly(2026, 1, 5),
                    Evidence = new EvidenceFile("clinician-dashboard-0011223344556677.pdf", "application/pdf", 15, new string('0', 64)),
                },
            ],
        };
        await tables.Offerings.WriteAsync(Offering, declared, CancellationToken.None);
        // A valid listing is the offering without the fields the marketplace owns (the body is verified first).
        var listing = JsonSerializer.SerializeToNode(declared, Marketplace.Storage.DocumentJson.Options)!.AsObject();
        listing.Remove("id");
        listing.Remove("supplierId");
        listing.Remove("status");
        // The commissioner's specification and a draft shortlist of it, then rewritten so their ETags are stale too.
        var body = new
        {
            title = "Matrix specification", templateId = "telehealth-remote-monitoring", templateVersion = 4, lotId = "ttc-2026-lot-3",
            region = "north-west", volume = 100, contractMonths = 24,
        };
        using var commissioner = await App.ClientForAsync(MarketplaceRole.Commissioner, Commissioner);
        var specification = (await (await commissioner.PostAsJsonAsync("/api/specifications", body)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var shortlist = (await (await commissioner.PostAsync($"/api/specifications/{specification}/shortlist", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var shortlisting = App.Services.GetRequiredService<ShortlistingTables>();
        var storedSpecification = (await shortlisting.Specifications.FindAsync(specification, CancellationToken.None))!;
        var storedShortlist = (await shortlisting.Shortlists.FindAsync(shortlist, CancellationToken.None))!;
        await shortlisting.Specifications.Table.WriteAsync(specification, storedSpecification.Document, CancellationToken.None);
        await shortlisting.Shortlists.Table.WriteAsync(shortlist, storedShortlist.Document, CancellationToken.None);
        // A locked shortlist of the same specification with an open further competition.
        var second = await (await commissioner.PostAsync($"/api/specifications/{specification}/shortlist", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        using var lockRequest = WithIfMatch(new(HttpMethod.Post, $"/api/shortlists/{second.GetProperty("id").GetString()}/lock"), (await shortlisting.Shortlists.FindAsync(second.GetProperty("id").GetString()!, CancellationToken.None))!.ETag);
        (await commissioner.SendAsync(lockRequest)).EnsureSuccessStatusCode();
        var competition = await (await commissioner.PostAsJsonAsync($"/api/shortlists/{second.GetProperty("id").GetString()}/competition", new { deadline = DateTimeOffset.UtcNow.AddDays(30) }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var invited = competition.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("supplierId").GetString()!).ToHashSet(StringComparer.Ordinal);
        using var invitee = await App.ClientForAsync(MarketplaceRole.Supplier, invited.Order(StringComparer.Ordinal).First());
        (await invitee.PostAsJsonAsync($"/api/competitions/{competition.GetProperty("id").GetString()}/questions", new { text = "Is HSCN required?" })).EnsureSuccessStatusCode();
        return new StaleETags(attestation.ETag, offering.ETag, listing, specification, storedSpecification.ETag, body, shortlist, storedShortlist.ETag,
            competition.GetProperty("id").GetString()!, invited.Order(StringComparer.Ordinal).First(), invited);
    }

    private async Task<World> WorldAsync()
    {
        var tables = App.Services.GetRequiredService<CatalogueTables>();
        var organisations = new List<Organisation>();
        await foreach (var organisation in tables.Organisations.ListAsync(null, CancellationToken.None))
        {
            organisations.Add(organisation);
        }
        var attestation = (await tables.Attestations.FindAsync(Attestation, CancellationToken.None))!.Document;
        var standard = (await tables.Standards.FindAsync(attestation.StandardCode, CancellationToken.None))!.Document;
        return new World([.. organisations.OrderBy(o => o.Id, StringComparer.Ordinal)], standard, attestation);
    }

    /// <summary>Which organisations count as the caller's own, and which as others, for each relation.</summary>
    private sealed record World(IReadOnlyList<Organisation> All, Standard Standard, Attestation Attestation)
    {
        /// <summary>The sample competition's first invited supplier, and everyone it invited (none of whom is an "other").</summary>
        public string InvitedSupplier { get; init; } = "";

        public IReadOnlySet<string> Invited { get; init; } = new HashSet<string>();

        private Organisation SupplierOf(string resource) => All.Single(o => o.Id == (resource == "attestation" ? AttestationSupplier : Supplier));

        private IEnumerable<Organisation> OfKind(string kind) => All.Where(o => o.Kind == kind);

        public (IReadOnlyList<string?> Own, IReadOnlyList<string?> Other) Organisations(MarketplaceRole role, OrganisationRelation relation, string resource)
        {
            if (role == MarketplaceRole.Admin)
            {
                return ([null], []);
            }
            var kind = role switch
            {
                MarketplaceRole.Supplier => OrganisationKind.Supplier,
                MarketplaceRole.Association => OrganisationKind.Association,
                MarketplaceRole.Certifier => OrganisationKind.Certifier,
                _ => OrganisationKind.Commissioner,
            };
            var supplier = SupplierOf(resource);
            List<string> own = relation switch
            {
                OrganisationRelation.OwningSupplier => [supplier.Id],
                OrganisationRelation.MemberAssociation => [.. supplier.Memberships],
                OrganisationRelation.DecidingCertifier => [.. OfKind(kind).Where(c => c.Id == Attestation.CertifierId && AttestationAccess.Accredits(c, Standard)).Select(c => c.Id)],
                OrganisationRelation.NamedByAttestation => [.. OfKind(kind).Where(c => c.Id == Attestation.CertifierId).Select(c => c.Id)],
                OrganisationRelation.NamedCertifier => [Certifier],
                OrganisationRelation.OwningCommissioner or OrganisationRelation.NamedCommissioner => [Commissioner],
                OrganisationRelation.InvitedSupplier => [InvitedSupplier],
                _ => [.. OfKind(kind).Take(2).Select(o => o.Id)],
            };
            var other = relation == OrganisationRelation.AnyOrganisation
                ? []
                : OfKind(kind).Select(o => o.Id).Where(id => !own.Contains(id) && !(relation == OrganisationRelation.InvitedSupplier && Invited.Contains(id))).Take(3).ToList();
            Assert.True(relation is OrganisationRelation.AnyOrganisation || own.Count > 0, $"No own organisation for {relation} on {resource}.");
            // A certification body accredited for the same scheme but not named is the sharpest "other" for deciding.
            if (relation == OrganisationRelation.DecidingCertifier)
            {
                other = [.. OfKind(kind).Where(c => !own.Contains(c.Id) && c.AccreditedFor.Contains(Standard.Code)).Select(c => c.Id), .. other];
            }
            return ([.. own], [.. other]);
        }
    }
}
