using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// One journey per role, end to end in a real browser, as a person would do it: keyboard first, asserting what is on
/// the screen. Every page passed through is checked with axe (no serious or critical violations).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class Journeys(BrowserApp app)
{
    private const string Supplier = "usr-000019";      // Imran Ahmed, Downs Careline Systems (a TEC Services Association member)
    private const string Association = "usr-000002";   // Liam Murray, TEC Services Association
    private const string Certifier = "usr-000062";     // Priya Reid, TEC Quality
    private const string Commissioner = "usr-000007";  // Gareth Hughes, NHS Wolds and Humber ICB

    [Fact]
    public async Task A_supplier_lists_an_offering_fixing_a_mistake_then_attests_uploads_evidence_and_submits()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Supplier, "Imran Ahmed, Downs Careline Systems Ltd (Supplier)");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Downs Careline Systems Ltd");
        await PageChecks.AccessibleAsync(page, "supplier-organisation");

        await page.GetByRole(AriaRole.Link, new() { Name = "My listings" }).First.ClickAsync();
        await page.Locator("#add-listing").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Add a listing");
        // Everything but the name, which is left empty by mistake.
        await page.Locator("#kind").CheckAsync();
        await page.Locator("#summary").FillAsync("Wrist-worn fall detector with two-way speech.");
        await page.Locator("#description").FillAsync("A wrist-worn detector that raises a call when a fall is detected, with two-way speech to the monitoring centre.");
        await page.Locator("#category").SelectOptionAsync("fall-detector");
        await page.GetByLabel("Falls risk").CheckAsync();
        await page.Locator("#features").FillAsync("Automatic fall detection\nTwo-way speech");
        await page.GetByLabel("Digital: IP or 4G/mobile").CheckAsync();
        await page.GetByLabel("London (NHS England region)").CheckAsync();
        await page.Locator("#price-model").SelectOptionAsync("per-unit");
        await page.Locator("#price-amount").FillAsync("149.50");
        await page.Locator("#lead-time").FillAsync("10");
        await page.Locator("#accessibility").FillAsync("Large button; audio prompts.");
        await page.Locator("#save-listing").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // The error summary names the field, links to it and takes the focus; nothing typed is lost.
        var summary = page.Locator(".nhsuk-error-summary");
        await Expect(summary).ToContainTextAsync("Name must not be empty");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(page.Locator("#name-error")).ToBeVisibleAsync();
        // The design system's script moves the focus once it has started, which can be a moment after the page shows.
        await PageChecks.ErrorSummaryHasFocusAsync(page);
        await Expect(page.Locator("#summary")).ToHaveValueAsync("Wrist-worn fall detector with two-way speech.");
        await Expect(page.Locator("#price-amount")).ToHaveValueAsync("149.50");
        await Expect(page.GetByLabel("London (NHS England region)")).ToBeCheckedAsync();
        await PageChecks.AccessibleAsync(page, "supplier-listing-error");

        await summary.GetByRole(AriaRole.Link, new() { Name = "Name must not be empty" }).ClickAsync();
        await Expect(page.Locator("#name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Downs Wrist Guardian");
        await page.Locator("#save-listing").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Downs Wrist Guardian is listed and searchable now.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Downs Wrist Guardian", Exact = true })).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page, "supplier-listings");

        await page.GetByRole(AriaRole.Link, new() { Name = "My attestations" }).First.ClickAsync();
        await PageChecks.AccessibleAsync(page, "supplier-attestations");
        await page.Locator("#start-attestation").ClickAsync();
        await page.Locator("#standard").SelectOptionAsync("TSA-QSF");
        await page.Locator("#certificate").FillAsync("TEC-QSF-2026-0420");
        var issued = DateTime.UtcNow.AddMonths(-2);
        await page.Locator("#issued-day").FillAsync(issued.Day.ToString());
        await page.Locator("#issued-month").FillAsync(issued.Month.ToString());
        await page.Locator("#issued-year").FillAsync(issued.Year.ToString());
        await PageChecks.AccessibleAsync(page);
        // TSA-QSF is certified by a certification body: saving without naming it is refused by field.
        await page.Locator("#create-attestation").ClickAsync();
        await Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("certification body");
        await page.Locator(".nhsuk-error-summary a").First.ClickAsync();
        await Expect(page.Locator("#certifier")).ToBeFocusedAsync();
        await page.Locator("#certifier").SelectOptionAsync("tec-quality");
        await page.Locator("#create-attestation").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("TSA-QSF attestation");
        await Expect(page.Locator("#route")).ToContainTextAsync("Certification body: TEC Quality.");
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Draft");

        // TSA-QSF needs evidence: submitting first is refused with the reason, beside the file input.
        await page.Locator("#submit-button").ClickAsync();
        await Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Upload at least one evidence file");

        await page.Locator("#evidence").SetInputFilesAsync(new FilePayload
        {
            Name = "qsf-certificate.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n% TEC Quality certificate for the browser test\n"u8.ToArray(),
        });
        await page.Locator("#upload-evidence").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Evidence file uploaded.");
        await Expect(page.Locator("#evidence-files")).ToContainTextAsync("qsf-certificate.pdf");
        await PageChecks.AccessibleAsync(page, "supplier-attestation-draft");

        await page.Locator("#submit-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Submitted.");
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Submitted");
        await Expect(page.Locator("#history")).ToContainTextAsync("submit (draft → submitted)");
        await Expect(page.Locator("#route")).ToContainTextAsync("Awaiting verification by TEC Quality.");
        await Expect(page.Locator("#withdraw-button")).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_certifier_works_the_queue_oldest_first_verifying_one_and_rejecting_another_with_a_reason()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Certifier, "Priya Reid, TEC Quality (Certification body)");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Certification queue");
        await PageChecks.AccessibleAsync(page, "certifier-queue");

        var rows = page.Locator("#queue tbody tr");
        var before = await rows.CountAsync();
        Assert.True(before >= 2, $"The seed should leave at least two attestations waiting; {before} are.");
        var submitted = await page.Locator("#queue tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(submitted.OrderBy(SortKey), submitted);

        var first = await rows.First.Locator("td").Nth(1).InnerTextAsync();
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator(".nhsuk-caption-l")).ToHaveTextAsync(first);
        await Expect(page.Locator("h1 .nhsuk-tag")).ToHaveTextAsync("Submitted");
        await Expect(page.Locator("#history")).ToBeVisibleAsync();
        await Expect(page.Locator("#route")).ToContainTextAsync("Awaiting verification by TEC Quality.");
        await PageChecks.AccessibleAsync(page, "certifier-attestation");
        await page.Locator("#verify-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("verified");
        await Expect(rows).ToHaveCountAsync(before - 1);

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#reject-button").ClickAsync();
        await Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter a reason to reject");
        await PageChecks.AccessibleAsync(page);
        await page.Locator(".nhsuk-error-summary a").ClickAsync();
        await Expect(page.Locator("#reject-reason")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("The certificate number does not match TEC Quality's register.");
        await page.Locator("#reject-button").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("rejected");
        await Expect(rows).ToHaveCountAsync(before - 2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_association_sees_its_members_at_a_glance_and_vouches_for_a_members_declaration()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Association, "Liam Murray, TEC Services Association (Trade association)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Our members" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("TEC Services Association");
        await Expect(page.Locator("#members")).ToContainTextAsync("Downs Careline Systems Ltd");
        await PageChecks.AccessibleAsync(page, "association-members");

        // att-000001: Downs Careline Systems' EN 50134 declaration, not yet vouched for.
        await page.GotoAsync("/attestations/att-000001");
        await Expect(page.Locator("#route")).ToContainTextAsync("Declared by the supplier");
        await Expect(page.Locator("#verify-button")).ToHaveCountAsync(0);
        await PageChecks.AccessibleAsync(page, "association-declaration");
        await page.Locator("#endorse-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("You now vouch for this declaration.");
        await Expect(page.Locator("#route")).ToContainTextAsync("Vouched for by TEC Services Association.");
        await Expect(page.Locator("#endorse-button")).ToHaveCountAsync(0);
        await Expect(page.Locator("#history")).ToContainTextAsync("endorse");
        await PageChecks.AccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_commissioner_searches_filters_compares_specifies_shortlists_locks_awards_and_exports()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Commissioner, "Gareth Hughes, NHS Wolds and Humber Integrated Care Board (Commissioner)");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Find telecare, telehealth and telecoaching");
        var count = page.Locator("#result-count");
        await Expect(count).ToHaveAttributeAsync("aria-live", "polite");
        var all = Number(await count.InnerTextAsync());

        await page.Locator("#q").FillAsync("alarm");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("q=alarm"));
        var found = Number(await count.InnerTextAsync());
        Assert.InRange(found, 1, all - 1);
        await Expect(page.Locator("#results .app-snippet mark").First).ToBeVisibleAsync();

        // Open the Category filter and tick its first value with the keyboard.
        await page.Locator("summary", new() { HasText = "Category" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var checkbox = page.Locator("#category-0");
        var label = await page.Locator("label[for=category-0]").InnerTextAsync();
        var expected = Number(label[label.LastIndexOf('(')..]);
        await checkbox.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#apply-filters").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(count).ToHaveTextAsync(expected == 1 ? "1 offering found" : $"{expected} offerings found");
        await Expect(page.Locator("#active-filters")).ToContainTextAsync("Category: " + label[..label.LastIndexOf(" (", StringComparison.Ordinal)]);
        await PageChecks.AccessibleAsync(page, "catalogue-search");

        var names = await page.Locator("#results h2 a").AllInnerTextsAsync();
        Assert.True(names.Count >= 2, "The filtered search should leave at least two offerings to compare.");
        await page.GetByLabel("Compare " + names[0]).CheckAsync();
        await page.GetByLabel("Compare " + names[1]).CheckAsync();
        await page.Locator("#compare-button").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Compare offerings");
        await Expect(page.Locator("#compare-table thead th")).ToHaveTextAsync([names[0], names[1]]);
        await Expect(page.Locator("#compare-table tbody th")).ToContainTextAsync(["Supplier", "Category", "Price"]);
        await PageChecks.AccessibleAsync(page, "compare");

        await page.GetByRole(AriaRole.Link, new() { Name = names[0] }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(names[0]);
        await Expect(page.Locator("h2", new() { HasText = "Verified standards" })).ToBeVisibleAsync();
        await PageChecks.AccessibleAsync(page, "offering");

        // Specification from a template, with a mistake corrected.
        await page.GetByRole(AriaRole.Link, new() { Name = "Shortlists", Exact = true }).ClickAsync();
        await page.Locator("#start-specification").ClickAsync();
        await PageChecks.AccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Telehealth remote monitoring" }).ClickAsync();
        await Expect(page.Locator(".nhsuk-inset-text")).ToContainTextAsync("100 × Σ(weight × score) ÷ Σ weights");
        await page.Locator("#title").FillAsync("COPD and heart failure remote monitoring");
        await page.Locator("#region").SelectOptionAsync("north-west");
        await page.Locator("#contract-months").FillAsync("36");
        await page.Locator("#budget").FillAsync("250,000");
        await page.Locator("#weight-price").FillAsync("thirty");
        await page.Locator("#save-specification").ClickAsync();
        var errors = page.Locator(".nhsuk-error-summary");
        await Expect(errors).ToContainTextAsync("Volume is required");
        await Expect(errors).ToContainTextAsync("must be a whole number");
        await Expect(page.Locator("#title")).ToHaveValueAsync("COPD and heart failure remote monitoring");
        await Expect(page.Locator("#weight-price")).ToHaveValueAsync("thirty");
        await PageChecks.AccessibleAsync(page, "specification-error");
        await page.Locator("#volume").FillAsync("400");
        await page.Locator("#weight-price").FillAsync("30");
        await page.Locator("#save-specification").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Specification saved");

        // Shortlist: ranked, explained, then locked, awarded and exported.
        await page.Locator("#create-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Draft");
        var ranked = page.Locator("#ranked tbody tr");
        Assert.True(await ranked.CountAsync() >= 1, "The seed should give the telehealth specification at least one eligible offering.");
        var winner = await ranked.First.Locator("td").Nth(1).InnerTextAsync();
        await page.Locator("#breakdown-1 summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#breakdown-1")).ToContainTextAsync("price");
        await Expect(page.Locator("#excluded-heading")).ToContainTextAsync("Left out");
        await PageChecks.AccessibleAsync(page, "shortlist");
        await page.Locator("#lock-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Locked");
        await Expect(page.Locator("#lock-hash")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));

        // The route: a Procurement Act call-off of goods; the checks come before any award decision.
        await Expect(page.Locator("#route-explanation")).ToContainTextAsync("Procurement Act 2023");
        await Expect(page.Locator("#route-steps")).ToContainTextAsync("Record the exclusion and debarment check and the conflicts declaration (next)");
        await page.Locator("#record-checks").ClickAsync();
        await PageChecks.ErrorSummaryHasFocusAsync(page);
        await PageChecks.AccessibleAsync(page, "award-checks-error");
        var today = DateTime.UtcNow;
        await page.Locator("#checks-debarment").CheckAsync();
        await page.Locator("#checks-on-day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#checks-on-month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#checks-on-year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#checks-declaration").FillAsync("Panel: the digital lead and the clinical lead; no interests in any framework supplier.");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.Locator("#record-checks").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Checks recorded.");
        await Expect(page.Locator("#award-checks")).ToContainTextAsync("no interests");

        await page.GetByLabel("Awarded", new() { Exact = true }).CheckAsync();
        await page.Locator("#outcome-value").FillAsync("480000");
        await page.Locator("#outcome-start-day").FillAsync("1");
        await page.Locator("#outcome-start-month").FillAsync("4");
        await page.Locator("#outcome-start-year").FillAsync("2027");
        await page.Locator("#outcome-end-day").FillAsync("31");
        await page.Locator("#outcome-end-month").FillAsync("3");
        await page.Locator("#outcome-end-year").FillAsync("2030");
        await PageChecks.AccessibleAsync(page);
        await page.Locator("#record-outcome").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Outcome recorded.");
        await Expect(page.Locator("#outcome")).ToContainTextAsync(winner + " (");
        await Expect(page.Locator("#outcome")).ToContainTextAsync("rank 1");
        await PageChecks.AccessibleAsync(page, "shortlist-awarded");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-csv").ClickAsync());
        var csvText = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.StartsWith("status,rank,offering_id,offering", csvText);
        Assert.Contains(winner, csvText);
        var ocds = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-ocds").ClickAsync());
        var release = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync((await ocds.PathAsync())!)).RootElement;
        var award = release.GetProperty("releases")[0].GetProperty("awards")[0];
        Assert.Equal("active", award.GetProperty("status").GetString());
        Assert.StartsWith(winner + " from ", award.GetProperty("title").GetString());
        Assert.Equal(480000m, award.GetProperty("value").GetProperty("amount").GetDecimal());
        await page.Context.CloseAsync();
    }

    /// <summary>The first whole number in a text, thousands separators ignored ("1,204 offerings" is 1204).</summary>
    private static int Number(string text) => int.Parse(Digits().Match(text.Replace(",", "", StringComparison.Ordinal)).Value, System.Globalization.CultureInfo.InvariantCulture);

    // "Before records began" (seed submissions without a time) sorts first, then dates in order.
    private static string SortKey(string submitted) => submitted.StartsWith("Before", StringComparison.Ordinal) ? "0"
        : "1" + DateTime.ParseExact(submitted.Replace(" UK time", "", StringComparison.Ordinal), "d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.InvariantCulture).ToString("s");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
