using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>The main pages read at 320 px without sideways scrolling; error pages are the design system's, and accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrowScreenAndErrors(BrowserApp app)
{
    [Fact]
    public async Task The_main_pages_fit_a_320_pixel_screen_and_pass_axe()
    {
        var page = await app.NewPageAsync(width: 320, height: 640);
        string[] publicPages = ["/sign-in", "/catalogue", "/catalogue?q=alarm&category=pendant-alarm", "/catalogue/offerings/off-000009", "/catalogue/compare?offering=off-000009&offering=off-000010", "/associations/tec-services-association"];
        foreach (var path in publicPages)
        {
            await page.GotoAsync(path);
            await PageChecks.FitsWidthAsync(page);
            await PageChecks.AccessibleAsync(page);
        }
        await PageChecks.AccessibleAsync(page, "sign-in-narrow");

        await PageChecks.SignInAsync(page, "usr-000019", "Imran Ahmed");
        foreach (var path in new[] { "/supplier", "/supplier/listings", "/supplier/listings/new", "/supplier/listings/off-000009/edit", "/supplier/attestations", "/supplier/attestations/new", "/attestations/att-000001" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            await PageChecks.FitsWidthAsync(page);
            await PageChecks.AccessibleAsync(page);
        }

        await PageChecks.SignInAsync(page, "usr-000008", "Owen Shah");
        foreach (var path in new[] { "/shortlists", "/specifications/new", "/specifications/new?template=telehealth-remote-monitoring" })
        {
            await page.GotoAsync(path);
            await PageChecks.FitsWidthAsync(page);
            await PageChecks.AccessibleAsync(page);
        }
        // A shortlist of this commissioner's own, to see the ranked table and breakdown narrow.
        await page.Locator("#title").FillAsync("Narrow screen check");
        await page.Locator("#region").SelectOptionAsync("north-west");
        await page.Locator("#volume").FillAsync("100");
        await page.Locator("#contract-months").FillAsync("24");
        await page.Locator("#save-specification").ClickAsync();
        await PageChecks.FitsWidthAsync(page);
        await page.Locator("#create-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Draft");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "shortlist-narrow");

        await PageChecks.SignInAsync(page, "usr-000062", "Priya Reid");
        foreach (var path in new[] { "/certifier/queue", "/attestations/att-000032" })
        {
            await page.GotoAsync(path);
            await PageChecks.FitsWidthAsync(page);
            await PageChecks.AccessibleAsync(page);
        }
        await PageChecks.AccessibleAsync(page, "certifier-queue-narrow");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_forbidden_and_signed_out_pages_are_design_system_error_pages_while_the_API_keeps_problem_json()
    {
        var page = await app.NewPageAsync();
        var missing = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await PageChecks.AccessibleAsync(page, "not-found");

        var signedOut = await page.GotoAsync("/supplier/listings");
        Assert.Equal(401, signedOut!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to continue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#sign-in-usr-000007").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/supplier/listings$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("You do not have permission to see this page");
        await PageChecks.AccessibleAsync(page, "forbidden");

        var api = await page.APIRequest.GetAsync("/api/no-such-thing");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
