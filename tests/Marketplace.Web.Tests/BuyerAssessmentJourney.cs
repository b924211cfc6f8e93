using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// A commissioner records its own DTAC assessment on the offering's page, on a 320 px screen, correcting a failed area
/// left without notes; the offering's supplier then sees the outcome. Every state is checked with axe and for width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BuyerAssessmentJourney(BrowserApp app)
{
    private const string Commissioner = "usr-000009";   // Owen Murray, NHS Trent Valley ICB (no assessments in the seed)
    private const string Supplier = "usr-000021";       // Imran Ahmed, Cleveland Digital Health
    private const string Offering = "/catalogue/offerings/off-000023";   // a Cleveland remote-monitoring platform, version 4.7

    [Fact]
    public async Task A_commissioner_assesses_a_platform_for_DTAC_and_its_supplier_sees_the_outcome()
    {
        var page = await app.NewPageAsync(width: 320, height: 640);
        await PageChecks.SignInAsync(page, Commissioner, "Owen Murray");
        await page.GotoAsync(Offering);
        await Expect(page.Locator("#your-assessment")).ToHaveTextAsync("Your DTAC assessment of version 4.7");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "offering-assessment-form");

        await page.Locator("#clinical-safety").CheckAsync();
        await page.Locator("#data-protection").CheckAsync();
        await page.Locator("#technical-security-1").CheckAsync();
        await page.Locator("#interoperability").CheckAsync();
        await page.Locator("#save-assessment").ClickAsync();
        await Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter why technical security fails; the supplier will see it");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "offering-assessment-error");

        await page.Locator("#technical-security-notes").FillAsync("Penetration test report is 19 months old and predates version 4.7.");
        await page.Locator("#save-assessment").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your DTAC assessment is saved");
        await Expect(page.Locator("#own-assessment")).ToContainTextAsync("You recorded Failed for version 4.7");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page);

        await PageChecks.SignInAsync(page, Supplier, "Imran Ahmed");
        await page.GotoAsync(Offering);
        var row = page.Locator("#assessments tbody tr", new() { HasText = "NHS Trent Valley Integrated Care Board" });
        await Expect(row).ToContainTextAsync("Failed");
        await Expect(row).ToContainTextAsync("technical security failed: Penetration test report is 19 months old");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "offering-assessments-for-supplier");
        await page.Context.CloseAsync();
    }
}
