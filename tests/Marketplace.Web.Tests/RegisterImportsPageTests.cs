using Marketplace.Testing;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>The Admin's register-imports page: upload a snapshot from the form and watch its import finish, at 320 px and with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterImportsPageTests(BrowserApp app)
{
    [Fact]
    public async Task An_Admin_uploads_a_register_snapshot_and_sees_its_import_done_on_a_320_pixel_screen()
    {
        var page = await app.NewPageAsync(width: 320, height: 640);
        await PageChecks.SignInAsync(page, "usr-000001", "Marketplace Administrator");
        // At 320 px the header folds its links into a menu; the link is there all the same.
        await Expect(page.Locator("a.nhsuk-header__navigation-link[href='/admin/registers']")).ToHaveCountAsync(1);
        await page.GotoAsync("/admin/registers");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Register imports");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page);

        await page.Locator("#upload-snapshot").ClickAsync();
        await Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Select the register's CSV file");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page);

        await page.Locator("#register").SelectOptionAsync("dspt");
        await page.Locator("#snapshot-date-day").FillAsync("1");
        await page.Locator("#snapshot-date-month").FillAsync("11");
        await page.Locator("#snapshot-date-year").FillAsync("2026");
        await page.Locator("#snapshot").SetInputFilesAsync(RepositoryPaths.Combine("catalogue-seed", "registers", "dspt-2026-11-01.csv"));
        await page.Locator("#upload-snapshot").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Snapshot dspt/2026-11-01 uploaded");

        // The queue function imports it in the background; the page shows the import's progress.
        for (var attempt = 0; attempt < 50 && !(await page.Locator("#imports").InnerTextAsync()).Contains("Done", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }
        await Expect(page.Locator("#imports")).ToContainTextAsync("Done");
        await Expect(page.Locator("#imports")).ToContainTextAsync("1 November 2026");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "register-imports-narrow");
        await page.Context.CloseAsync();
    }
}
