using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Outcomes;
using Marketplace.Core.Tests.Attestations;

namespace Marketplace.Core.Tests.Catalogue;

/// <summary>
/// Capability declarations on a listing: the rules each names by field, the dates and evidence the marketplace keeps,
/// the audit of what changed, evidence files, and suggestions that are never declarations.
/// </summary>
public sealed class CapabilityDeclarationTests
{
    private static readonly DateOnly January = new(2026, 1, 5);
    private static readonly EvidenceFile DashboardFile = new("clinician-dashboard-00112233445566ff.pdf", "application/pdf", 1200, new string('a', 64));
    private static readonly byte[] Pdf = "%PDF-1.7\n% dashboard screenshots and user numbers\n"u8.ToArray();

    private readonly World world = new();
    private readonly MemoryOfferings offerings = new();

    private static CapabilityDeclaration Declare(string capability, string statement = "Web dashboard used by 40 community teams.", int? value = null) =>
        new() { Capability = capability, Statement = statement, Value = value };

    private static OfferingListing Listing(params CapabilityDeclaration[] declarations) => new()
    {
        Kind = "product",
        Name = "Vitals platform",
        Description = "Readings go to a web dashboard, with a questionnaire each morning.",
        Category = "remote-monitoring-platform",
        Regions = ["north-west"],
        Price = new OfferingPrice("per-patient-per-month", 38m),
        Capabilities = declarations,
    };

    private StoredDocument<Offering> Stored(params CapabilityDeclaration[] declarations) =>
        offerings.Put(new Offering(Listing(declarations), "off-000009", Fixtures.Supplier.Id));

    private static IReadOnlyDictionary<string, string[]> Refusals(params CapabilityDeclaration[] declarations) => CapabilityDeclarations.Refusals(declarations);

    [Fact]
    public void A_capability_outside_the_vocabulary_is_named_by_its_place_in_the_list() =>
        Assert.Equal(["capabilities[1].capability"], Refusals(Declare("clinician-dashboard"), Declare("mind-reading")).Keys);

    [Fact]
    public void A_capability_declared_twice_is_named_where_it_comes_again()
    {
        var errors = Refusals(Declare("clinician-dashboard"), Declare("video-sessions"), Declare("clinician-dashboard", "Another statement entirely."));

        Assert.Equal(["capabilities[2].capability"], errors.Keys);
        Assert.Equal("Clinician dashboard is declared twice; declare each capability once.", errors["capabilities[2].capability"].Single());
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(400, false)]
    [InlineData(401, true)]
    public void A_statement_is_10_to_400_characters(int length, bool refused) =>
        Assert.Equal(refused ? ["capabilities[0].statement"] : [], Refusals(Declare("video-sessions", new string('x', length))).Keys);

    [Theory]
    [InlineData("alert-review-time", null, "Alert review time is declared with a figure in minutes: give the figure (0 to 10000).")]
    [InlineData("alert-review-time", -1, "The figure must be a whole number from 0 to 10000 (minutes).")]
    [InlineData("urgent-installation", 10_001, "The figure must be a whole number from 0 to 10000 (working hours).")]
    [InlineData("clinician-dashboard", 5, "Clinician dashboard is a yes/no capability: it takes no figure.")]
    [InlineData("alert-review-time", 0, null)]
    [InlineData("responder-on-site", 10_000, null)]
    [InlineData("clinician-dashboard", null, null)]
    public void A_measured_capability_needs_a_figure_from_0_to_10000_and_a_yes_no_one_takes_none(string capability, int? value, string? message)
    {
        var errors = Refusals(Declare(capability, value: value));

        Assert.Equal(message, errors.GetValueOrDefault("capabilities[0].value")?.Single());
        Assert.Equal(message is null ? 0 : 1, errors.Count);
    }

    [Fact]
    public void At_most_40_capabilities_are_declared()
    {
        var many = Capabilities.All.Where(c => c.Measure is null).Select(c => Declare(c.Slug)).ToList();
        var fortyOne = Enumerable.Range(0, 41).Select(i => many[i % many.Count]).ToArray();

        Assert.DoesNotContain("capabilities", Refusals([.. many]).Keys);
        Assert.Contains("capabilities", Refusals(fortyOne).Keys);
    }

    [Fact]
    public void A_declaration_sent_back_as_read_is_accepted_and_a_changed_date_or_file_is_named()
    {
        var stored = new Offering(Listing(Declare("clinician-dashboard") with { DeclaredOn = January, Evidence = DashboardFile }), "off-1", Fixtures.Supplier.Id);
        OfferingListing Sent(DateOnly? on, EvidenceFile? file) => Listing(Declare("clinician-dashboard") with { DeclaredOn = on, Evidence = file });

        Assert.Null(ListingRules.Refuse(Sent(January, DashboardFile), stored));
        Assert.Null(ListingRules.Refuse(Sent(null, null), stored));
        var refused = ListingRules.Refuse(Sent(January.AddDays(1), DashboardFile with { Sha256 = new string('b', 64) }), stored)!;
        Assert.Equal((FailureKind.Invalid, Problems.ValidationFailed), (refused.Kind, refused.Code));
        Assert.Equal(["capabilities[0].declaredOn", "capabilities[0].evidence"], refused.Errors.Keys);
        Assert.StartsWith("must be '2026-01-05' (or left out)", refused.Errors["capabilities[0].declaredOn"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_declaration_brings_neither_a_date_nor_a_file_of_its_own()
    {
        var sent = Listing(Declare("video-sessions") with { DeclaredOn = January, Evidence = DashboardFile });

        var refused = ListingRules.RefuseNew(sent, Fixtures.Supplier.Id)!;

        Assert.Equal(["capabilities[0].declaredOn", "capabilities[0].evidence"], refused.Errors.Keys);
        Assert.All(refused.Errors.Values, m => Assert.StartsWith("must be left out", m.Single(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replacing_a_listing_dates_new_and_changed_declarations_today_keeps_the_rest_and_audits_what_changed()
    {
        var current = Stored(
            Declare("clinician-dashboard") with { DeclaredOn = January, Evidence = DashboardFile },
            Declare("alert-review-time", "Red alerts reviewed by a nurse within the hour.", 60) with { DeclaredOn = January },
            Declare("symptom-questions") with { DeclaredOn = January });
        var replace = new ReplaceOffering(offerings, new Index(), world.Clock);

        var saved = await replace.RunAsync(Fixtures.SupplierUser(), "off-000009", Listing(
            Declare("clinician-dashboard"),
            Declare("alert-review-time", "Red alerts reviewed by a nurse within the hour.", 30),
            Declare("missed-reading-reminders", "Texts the patient at 11am when no reading is in.")), current.ETag, CancellationToken.None);

        var declarations = saved.Value!.Document.Capabilities;
        Assert.Equal(
            [("clinician-dashboard", January, DashboardFile), ("alert-review-time", Fixtures.Today, null), ("missed-reading-reminders", Fixtures.Today, null)],
            declarations.Select(d => (d.Capability, d.DeclaredOn!.Value, d.Evidence)));
        Assert.Equal([current.Document], offerings.History);
        var audited = Assert.Single(offerings.Audit);
        Assert.Equal((Offering.SubjectKind, "off-000009", "replace", "usr-s", Fixtures.Now), (audited.SubjectKind, audited.SubjectId, audited.Action, audited.ActorUserId, audited.At));
        Assert.Equal("Capabilities added: missed-reading-reminders; changed: alert-review-time; withdrawn: symptom-questions.", audited.Detail);
    }

    [Fact]
    public async Task A_declaration_that_breaks_a_rule_is_named_after_the_version_checks_and_nothing_is_saved()
    {
        var current = Stored();
        var replace = new ReplaceOffering(offerings, new Index(), world.Clock);
        var bad = Listing(Declare("alert-review-time", "Too short"), Declare("clinician-dashboard", value: 3));

        var stale = await replace.RunAsync(Fixtures.SupplierUser(), "off-000009", bad, "v0", CancellationToken.None);
        var refused = await replace.RunAsync(Fixtures.SupplierUser(), "off-000009", bad, current.ETag, CancellationToken.None);

        Assert.Equal(FailureKind.Stale, stale.Failure!.Kind);
        Assert.Equal(["capabilities[0].statement", "capabilities[0].value", "capabilities[1].value"], refused.Failure!.Errors.Keys);
        Assert.Empty(offerings.History);
        Assert.Empty(offerings.Audit);
    }

    [Fact]
    public async Task A_new_listing_dates_its_declarations_today_and_its_creation_is_audited_with_them()
    {
        var create = new CreateOffering(world, offerings, new Index(), world.Clock);

        var created = await create.RunAsync(Fixtures.SupplierUser(), Listing(Declare("clinician-dashboard")), CancellationToken.None);

        Assert.Equal(Fixtures.Today, created.Value!.Document.Capabilities.Single().DeclaredOn);
        var audited = Assert.Single(offerings.Audit);
        Assert.Equal(("create", "Capabilities added: clinician-dashboard."), (audited.Action, audited.Detail));
    }

    private UploadCapabilityEvidence Upload => new(offerings, world, world, world.Clock);

    private Task<Outcome<StoredDocument<Offering>>> UploadAsync(Actor actor, string capability, byte[] file, string? ifMatch) =>
        Upload.RunAsync(actor, "off-000009", capability, file.Length, new MemoryStream(file), ifMatch, CancellationToken.None);

    [Fact]
    public async Task Evidence_for_a_capability_follows_the_listing_checks_then_needs_the_capability_declared()
    {
        var current = Stored(Declare("clinician-dashboard") with { DeclaredOn = January });

        Assert.Equal(FailureKind.Forbidden, (await UploadAsync(Fixtures.SupplierUser("pennine-careline-services"), "clinician-dashboard", Pdf, current.ETag)).Failure!.Kind);
        Assert.Equal(FailureKind.PreconditionRequired, (await UploadAsync(Fixtures.SupplierUser(), "clinician-dashboard", Pdf, null)).Failure!.Kind);
        Assert.Equal(FailureKind.Stale, (await UploadAsync(Fixtures.SupplierUser(), "clinician-dashboard", Pdf, "v0")).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await UploadAsync(Fixtures.SupplierUser(), "video-sessions", Pdf, current.ETag)).Failure!.Kind);
        Assert.Equal(FailureKind.UnsupportedMediaType, (await UploadAsync(Fixtures.SupplierUser(), "clinician-dashboard", "GIF89a not evidence"u8.ToArray(), current.ETag)).Failure!.Kind);
        Assert.Empty(world.Files);
        Assert.Empty(offerings.Audit);
    }

    [Fact]
    public async Task An_evidence_file_is_stored_under_its_hash_recorded_on_its_declaration_as_a_new_audited_version_and_sent_again_changes_nothing()
    {
        var current = Stored(Declare("clinician-dashboard") with { DeclaredOn = January }, Declare("video-sessions") with { DeclaredOn = January });

        var uploaded = (await UploadAsync(Fixtures.SupplierUser(), "clinician-dashboard", Pdf, current.ETag)).Value!;
        var again = (await UploadAsync(Fixtures.SupplierUser(), "clinician-dashboard", Pdf, uploaded.ETag)).Value!;

        var file = uploaded.Document.Capabilities[0].Evidence!;
        Assert.Equal(("application/pdf", (long)Pdf.Length), (file.ContentType, file.SizeBytes));
        Assert.Equal($"clinician-dashboard-{file.Sha256[..16]}.pdf", file.FileName);
        Assert.Equal(January, uploaded.Document.Capabilities[0].DeclaredOn);
        Assert.Null(uploaded.Document.Capabilities[1].Evidence);
        Assert.Equal([$"downs-careline-systems/off-000009/{file.FileName}"], world.Files.Keys);
        Assert.Equal(uploaded.ETag, again.ETag);
        var audited = Assert.Single(offerings.Audit);
        Assert.Equal(("upload-capability-evidence", file.Sha256), (audited.Action, audited.EvidenceSha256.Single()));
        Assert.Contains("Capabilities changed: clinician-dashboard.", audited.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_version_cannot_be_written_is_removed_again()
    {
        var current = Stored(Declare("clinician-dashboard") with { DeclaredOn = January });
        offerings.LoseNextRace = true;

        var lost = await UploadAsync(Fixtures.SupplierUser(), "clinician-dashboard", Pdf, current.ETag);

        Assert.Equal(FailureKind.Stale, lost.Failure!.Kind);
        Assert.Empty(world.Files);
        Assert.Null(offerings.Stored["off-000009"].Document.Capabilities[0].Evidence);
    }

    [Theory]
    [InlineData(MarketplaceRole.Supplier, "downs-careline-systems", true)]
    [InlineData(MarketplaceRole.Supplier, "pennine-careline-services", false)]
    [InlineData(MarketplaceRole.Association, "tec-services-association", true)]
    [InlineData(MarketplaceRole.Association, "techuk", false)]
    [InlineData(MarketplaceRole.Certifier, "tec-quality", false)]
    [InlineData(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb", true)]
    [InlineData(MarketplaceRole.Admin, null, true)]
    public async Task A_declarations_evidence_opens_for_its_supplier_its_associations_commissioners_and_admins(MarketplaceRole role, string? organisation, bool opens)
    {
        offerings.Put(new Offering(Listing(Declare("clinician-dashboard") with { DeclaredOn = January, Evidence = DashboardFile }, Declare("video-sessions")),
            "off-000009", Fixtures.Supplier.Id));
        var open = new OpenCapabilityEvidence(offerings, world, world);
        var actor = Fixtures.With(role, organisation);

        var link = await open.RunAsync(actor, "off-000009", "clinician-dashboard", CancellationToken.None);
        var none = await open.RunAsync(actor, "off-000009", "video-sessions", CancellationToken.None);

        Assert.Equal(opens ? null : FailureKind.Forbidden, link.Failure?.Kind);
        Assert.Equal(opens ? FailureKind.NotFound : FailureKind.Forbidden, none.Failure!.Kind);
        if (opens)
        {
            Assert.EndsWith($"downs-careline-systems/off-000009/{DashboardFile.FileName}", link.Value!.Url.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Suggestions_name_the_phrase_found_and_where_and_leave_out_what_is_declared()
    {
        var suggested = SuggestCapabilities.For(Listing(Declare("symptom-questions")) with { Features = ["Missed readings flagged"] });

        Assert.Equal(
            [("clinician-dashboard", "dashboard", "description"), ("missed-reading-reminders", "missed", "features")],
            suggested.Select(s => (s.Capability, s.Hint, s.FoundIn)));
        Assert.Equal("Clinician dashboard", suggested[0].Name);
    }

    [Fact]
    public async Task Only_the_owning_supplier_and_admins_are_shown_suggestions()
    {
        Stored();
        var suggest = new SuggestCapabilities(offerings);

        Assert.NotEmpty((await suggest.RunAsync(Fixtures.SupplierUser(), "off-000009", CancellationToken.None)).Value!);
        Assert.NotEmpty((await suggest.RunAsync(Fixtures.With(MarketplaceRole.Admin, null), "off-000009", CancellationToken.None)).Value!);
        Assert.Equal(FailureKind.Forbidden, (await suggest.RunAsync(Fixtures.SupplierUser("pennine-careline-services"), "off-000009", CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.Forbidden, (await suggest.RunAsync(Fixtures.With(MarketplaceRole.Commissioner, "nhs-mersey-vale-icb"), "off-000009", CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, (await suggest.RunAsync(Fixtures.With(MarketplaceRole.Admin, null), "off-nothing", CancellationToken.None)).Failure!.Kind);
    }

    private sealed class Index : ISearchIndexUpdates
    {
        public Task OfferingChangedAsync(string offeringId, CancellationToken ct) => Task.CompletedTask;
    }
}
