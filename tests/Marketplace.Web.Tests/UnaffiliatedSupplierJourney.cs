using Marketplace.Core.Access;
using Marketplace.Core.Attestations;
using Marketplace.Core.Organisations;
using Marketplace.Storage.Catalogue;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// Issue 12's acceptance journey, tried as a new user would in the browser: a supplier that belongs to no association
/// lists a service, has its TSA-QSF certificate verified by TEC Quality, and appears in a commissioner's shortlist whose
/// template weighs TSA-QSF. Keyboard and labels first, asserting what each person sees; axe on every new page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnaffiliatedSupplierJourney(BrowserApp app)
{
    // Set up here: the seed has no supplier outside every association.
    private const string SupplierId = "lune-valley-response";
    private const string SupplierName = "Lune Valley Response Ltd";
    private const string SupplierUser = "usr-web-lune";        // Nadia Pearce, Lune Valley Response
    private const string Certifier = "usr-000062";             // Priya Reid, TEC Quality
    private const string Commissioner = "usr-000007";          // Gareth Hughes, NHS Wolds and Humber ICB (North East and Yorkshire)
    private const string Service = "Lune Valley Alarm Receiving Centre";
    private const string Lot2 = "ttc-2026-lot-2";

    [Fact]
    public async Task A_supplier_in_no_association_lists_a_service_gets_TSA_QSF_verified_by_TEC_Quality_and_is_shortlisted()
    {
        await SetUpUnaffiliatedSupplierAsync();

        // 1. The supplier signs in and lists an alarm receiving centre in lot 2.
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, SupplierUser, $"Nadia Pearce, {SupplierName} (Supplier)");
        await Expect(page.Locator("h1")).ToHaveTextAsync(SupplierName);
        await PageChecks.AccessibleAsync(page, "unaffiliated-supplier-organisation");

        await page.GetByRole(AriaRole.Link, new() { Name = "My listings" }).First.ClickAsync();
        await page.Locator("#add-listing").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add a listing");
        await page.GetByLabel("Service (people doing work: monitoring, response, coaching, triage)").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Service);
        await page.GetByLabel("Summary").FillAsync("Alarm receiving centre for telecare calls, answered around the clock from two sites.");
        await page.GetByLabel("Description").FillAsync(
            "An alarm receiving centre answering telecare calls 24 hours a day from two geographically separate sites, with responders on site when needed.");
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Alarm receiving / monitoring centre" });
        await page.GetByLabel("Dementia", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Falls risk", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Frailty", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Features").FillAsync(
            "Calls answered 24 hours a day, 365 days a year\n97.5 % of calls answered within 60 seconds\nTwo geographically separate sites\nResponders on site within 45 minutes");
        await page.GetByLabel("BS 8521-2 (NOW-IP)").CheckAsync();
        await page.GetByLabel("SCAIP (TS 50134-9)").CheckAsync();
        await page.GetByLabel("Digital: IP or 4G/mobile").CheckAsync();
        await page.GetByLabel("North East and Yorkshire (NHS England region)").CheckAsync();
        await page.GetByLabel("Price model").SelectOptionAsync("per-connection-per-week");
        await page.GetByLabel("Price (£, excluding VAT)").FillAsync("2.40");
        await page.GetByLabel("Lead time (days from order to delivery or start)").FillAsync("14");
        await page.GetByLabel("TTC-2026 lot 2: Telecare services (monitoring, response)").CheckAsync();
        await page.GetByLabel("Accessibility statement").FillAsync("Letters in large print and Easy Read; text relay calls answered.");
        await PageChecks.AccessibleAsync(page, "unaffiliated-supplier-listing-form");
        await page.Locator("#save-listing").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"{Service} is listed and searchable now.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Service, Exact = true })).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page, "unaffiliated-supplier-listings");

        // 2. It attests to TSA-QSF for the whole organisation, naming TEC Quality, with its certificate as evidence.
        await page.GetByRole(AriaRole.Link, new() { Name = "My attestations" }).First.ClickAsync();
        await PageChecks.AccessibleAsync(page, "unaffiliated-supplier-attestations");
        await page.Locator("#start-attestation").ClickAsync();
        await page.Locator("#standard").SelectOptionAsync("TSA-QSF");
        await Expect(page.Locator("#offering")).ToHaveValueAsync("");   // The whole organisation
        await page.Locator("#certifier").SelectOptionAsync(new SelectOptionValue { Label = "TEC Quality (TSA-QSF)" });
        await page.GetByLabel("Certificate, registration or declaration reference").FillAsync("TEC-QSF-2026-0777");
        var issued = DateTime.UtcNow.AddMonths(-1);
        await page.Locator("#issued-day").FillAsync(issued.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#issued-month").FillAsync(issued.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#issued-year").FillAsync(issued.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await PageChecks.AccessibleAsync(page, "unaffiliated-supplier-new-attestation");
        await page.Locator("#create-attestation").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("TSA-QSF attestation");
        await Expect(page.Locator("#route")).ToContainTextAsync("Certification body: TEC Quality.");
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Draft");
        var attestationUrl = page.Url;

        await page.Locator("#evidence").SetInputFilesAsync(new FilePayload
        {
            Name = "lune-valley-qsf-certificate.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n% TEC Quality certificate for Lune Valley Response\n"u8.ToArray(),
        });
        await page.Locator("#upload-evidence").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Evidence file uploaded.");
        await Expect(page.Locator("#evidence-files")).ToContainTextAsync("lune-valley-qsf-certificate.pdf");
        // A click, as the other journeys submit: a key press on the focused button was lost under load while the
        // upload's page was still settling.
        await page.Locator("#submit-button").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Submitted.", new() { Timeout = 15_000 });
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Submitted");
        await Expect(page.Locator("#route")).ToContainTextAsync("Awaiting verification by TEC Quality.");
        await PageChecks.AccessibleAsync(page, "unaffiliated-supplier-attestation-submitted");
        await page.Context.CloseAsync();

        // 3. TEC Quality finds it in its queue and verifies it.
        page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Certifier, "Priya Reid, TEC Quality (Certification body)");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Certification queue");
        var row = page.Locator("#queue tbody tr", new() { HasText = SupplierName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("TSA-QSF");
        await row.GetByRole(AriaRole.Link).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Submitted");
        await Expect(page.Locator("#evidence-files")).ToContainTextAsync("lune-valley-qsf-certificate.pdf");
        await PageChecks.AccessibleAsync(page, "certifier-unaffiliated-attestation");
        await page.Locator("#verify-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("verified");
        await Expect(page.Locator("#queue tbody tr", new() { HasText = SupplierName })).ToHaveCountAsync(0);
        await page.GotoAsync(attestationUrl);
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Verified");
        await PageChecks.AccessibleAsync(page);
        await page.Context.CloseAsync();

        // 4. A commissioner in North East and Yorkshire specifies alarm monitoring and shortlists.
        page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Commissioner, "Gareth Hughes, NHS Wolds and Humber Integrated Care Board (Commissioner)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Shortlists", Exact = true }).ClickAsync();
        await page.Locator("#start-specification").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Alarm receiving centre (telecare monitoring)" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("The service is certified to the TEC Quality Standards Framework by its certification body");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Alarm monitoring, Wolds and Humber");
        await page.GetByLabel("Framework lot").SelectOptionAsync(Lot2);
        await page.GetByLabel("Your population's region").SelectOptionAsync(new SelectOptionValue { Label = "North East and Yorkshire (NHS England region)" });
        await page.GetByLabel("Volume").FillAsync("1200");
        await page.GetByLabel("Contract length in months (1 to 120)").FillAsync("36");
        await PageChecks.AccessibleAsync(page, "specification-telecare-alarm");
        await page.Locator("#save-specification").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Specification saved");

        await page.Locator("#create-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Draft");
        var entry = page.Locator("#ranked tbody tr", new() { HasText = Service });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync(SupplierName);
        var rank = (await entry.Locator("td").First.InnerTextAsync()).Trim();
        var breakdown = page.Locator($"#breakdown-{rank}");
        await Expect(breakdown.Locator("summary")).ToContainTextAsync(Service);
        await breakdown.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var qsf = breakdown.Locator("tbody tr", new() { Has = page.Locator("td", new() { HasTextString = "certified to the TEC Quality Standards Framework" }) });
        await Expect(qsf).ToHaveCountAsync(1);
        await Expect(qsf).ToContainTextAsync("Holds the Quality Standards Framework (TSA-QSF), verified by TEC Quality");
        await Expect(qsf.Locator("td").Nth(2)).ToHaveTextAsync("1.00");
        await PageChecks.AccessibleAsync(page, "shortlist-unaffiliated-supplier");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A supplier in no association, with no commitments, admitted to lot 2 of TTC-2026, registered with the ICO (the
    /// template's gate, confirmed from the ICO's register rather than by a person), and a user to sign in as.
    /// </summary>
    private async Task SetUpUnaffiliatedSupplierAsync()
    {
        var tables = app.Services.GetRequiredService<CatalogueTables>();
        await tables.Organisations.WriteAsync(SupplierId, new Organisation
        {
            Id = SupplierId,
            Kind = OrganisationKind.Supplier,
            Name = SupplierName,
            Summary = "Independent alarm receiving centre and responder service in the North East and Yorkshire; a member of no trade association.",
            ContactEmail = "hello@lune-valley-response.example",
            Region = "north-east-and-yorkshire",
            CompanyNumber = "15550777",
            Memberships = [],
            Commitments = [],
        });
        await tables.Users.WriteAsync(SupplierUser, new UserProfile
        {
            Id = SupplierUser,
            DisplayName = "Nadia Pearce",
            Email = "nadia.pearce@lune-valley-response.example",
            Role = "Supplier",
            OrganisationId = SupplierId,
        });
        var framework = (await tables.Frameworks.FindAsync("ttc-2026", CancellationToken.None))!.Document;
        await tables.Frameworks.WriteAsync(framework.Id, framework with
        {
            Lots = [.. framework.Lots.Select(l => l.Id == Lot2 && !l.Suppliers.Contains(SupplierId) ? l with { Suppliers = [.. l.Suppliers, SupplierId] } : l)],
        });
        var registered = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-3));
        await tables.Attestations.WriteAsync("att-web-lune-ico", new Attestation
        {
            Id = "att-web-lune-ico",
            SupplierId = SupplierId,
            StandardCode = "ICO-REG",
            CertificateNumber = "ZB777001",
            RegisterReference = "ZB777001",
            IssuedOn = registered,
            ExpiresOn = registered.AddYears(1),
            Status = AttestationStatus.Verified,
            SubmittedAt = DateTimeOffset.UtcNow.AddMonths(-3),
            DecidedAt = DateTimeOffset.UtcNow.AddMonths(-3),
        });
        app.Services.GetRequiredService<CachedCatalogueLabels>().Invalidate();
    }
}
