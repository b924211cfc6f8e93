using Marketplace.Core.Access;
using Marketplace.Core.Catalogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// A supplier declares what its new platform does on a 320 px screen, taking up a suggestion from its own description,
/// correcting a statement that is too short, declaring a figure, attaching evidence and withdrawing a declaration; the
/// offering's public page then shows the declarations by group. Every state is checked with axe, for the
/// Content-Security-Policy and for width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CapabilityDeclarationJourney(BrowserApp app)
{
    private const string Supplier = "usr-000019";   // Imran Ahmed, Downs Careline Systems

    /// <summary>The journey's own offering, listed by the supplier through the API's use case.</summary>
    private async Task<string> ListPlatformAsync()
    {
        using var scope = app.Services.CreateScope();
        var listed = await scope.ServiceProvider.GetRequiredService<CreateOffering>().RunAsync(
            new Actor(Supplier, "downs-careline-systems", new HashSet<MarketplaceRole> { MarketplaceRole.Supplier }),
            new OfferingListing
            {
                Kind = "product",
                Name = "Downs Heartline " + Guid.NewGuid().ToString("N")[..6],
                Summary = "Remote monitoring for heart failure.",
                Description = "Daily weights and blood pressure reach a web dashboard the heart failure nurses check each morning.",
                Category = "remote-monitoring-platform",
                Conditions = ["heart-failure"],
                Connectivity = "digital",
                Regions = ["north-west"],
                Price = new OfferingPrice("per-patient-per-month", 36m),
                LeadTimeDays = 21,
                AccessibilityStatement = "Large text mode.",
            }, CancellationToken.None);
        return listed.Value!.Document.Id;
    }

    [Fact]
    public async Task A_supplier_declares_capabilities_with_the_form_fixing_a_mistake_and_buyers_see_them_on_the_offering_page()
    {
        var id = await ListPlatformAsync();
        var page = await app.NewPageAsync(width: 320, height: 640);
        await PageChecks.SignInAsync(page, Supplier, "Imran Ahmed");
        await page.GotoAsync($"/supplier/listings/{id}/capabilities");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Capabilities");
        await Expect(page.Locator("#declared")).ToHaveTextAsync("This offering declares no capabilities yet.");
        var suggestions = page.Locator("#suggestions");
        await Expect(suggestions).ToContainTextAsync("Your description mentions “dashboard”: do you want to declare Clinician dashboard?");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "supplier-capabilities-suggested");

        // Taking up the suggestion chooses the capability and shows what declaring it promises.
        await suggestions.GetByRole(AriaRole.Link, new() { Name = "Clinician dashboard" }).ClickAsync();
        await Expect(page.Locator("#capability")).ToHaveValueAsync("clinician-dashboard");
        await Expect(page.Locator("#capability-hint")).ToContainTextAsync("Clinicians see every enrolled patient's readings");
        await page.Locator("#statement").FillAsync("Dashboard");
        await page.Locator("#declare-capability").ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await Expect(summary).ToContainTextAsync("The statement must be 10 to 400 characters; it is 9");
        await PageChecks.ErrorSummaryHasFocusAsync(page);
        await Expect(page.Locator("#capability")).ToHaveValueAsync("clinician-dashboard");
        await Expect(page.Locator("#statement")).ToHaveValueAsync("Dashboard");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "supplier-capabilities-error");
        await summary.GetByRole(AriaRole.Link, new() { Name = "The statement must be 10 to 400 characters; it is 9" }).ClickAsync();
        await Expect(page.Locator("#statement")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" with trend charts, checked each morning by 12 heart failure nurses.");
        await page.Locator("#declare-capability").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Clinician dashboard is declared.");
        await Expect(page.Locator("#declared-clinician-dashboard")).ToContainTextAsync("Dashboard with trend charts");
        await Expect(suggestions).Not.ToContainTextAsync("Clinician dashboard");

        await page.Locator("#capability").SelectOptionAsync("alert-review-time");
        await page.Locator("#statement").FillAsync("Red alerts are reviewed by a band 6 nurse during service hours.");
        await page.Locator("#value").FillAsync("20");
        await page.Locator("#declare-capability").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Alert review time is declared.");
        await Expect(page.Locator("#declared-alert-review-time")).ToContainTextAsync("20 minutes");

        await page.Locator("#declared-clinician-dashboard").GetByRole(AriaRole.Link, new() { Name = "Change Clinician dashboard" }).ClickAsync();
        await Expect(page.Locator("#declare")).ToHaveTextAsync("Change Clinician dashboard");
        await page.Locator("#evidence").SetInputFilesAsync(new FilePayload
        {
            Name = "dashboard-screens.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n% dashboard screens for the browser test\n"u8.ToArray(),
        });
        await page.Locator("#upload-evidence").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The evidence file for Clinician dashboard is uploaded.");
        await Expect(page.Locator("#declared-clinician-dashboard")).ToContainTextAsync("clinician-dashboard-");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "supplier-capabilities");

        await page.Locator("#withdraw-alert-review-time").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Alert review time is withdrawn.");
        await Expect(page.Locator("#declared-alert-review-time")).ToHaveCountAsync(0);

        await page.GotoAsync($"/catalogue/offerings/{id}");
        var clinical = page.Locator("#capabilities-clinical");
        await Expect(clinical).ToContainTextAsync("Clinician dashboard");
        await Expect(clinical).ToContainTextAsync("“Dashboard with trend charts, checked each morning by 12 heart failure nurses.”");
        await Expect(clinical.GetByRole(AriaRole.Link, new() { Name = "Evidence file for clinician dashboard (PDF, 50 bytes)" })).ToBeVisibleAsync();
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "offering-capabilities");
        await page.Context.CloseAsync();
    }
}
