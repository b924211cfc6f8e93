using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests;

/// <summary>What every page visited must satisfy, and the screenshots kept as test artefacts (out/screenshots).</summary>
public static class PageChecks
{
    public static readonly string ScreenshotFolder = RepositoryPaths.Combine("out", "screenshots");

    /// <summary>
    /// No serious or critical axe violation and nothing blocked by the Content-Security-Policy (the design system's
    /// scripts and styles work under it); a full-page screenshot when <paramref name="screenshot"/> names it.
    /// </summary>
    public static async Task AccessibleAsync(IPage page, string? screenshot = null)
    {
        var blocked = await page.EvaluateAsync<string[]>("() => window.cspViolations ?? []");
        Assert.True(blocked.Length == 0, $"{page.Url}: the Content-Security-Policy blocked {string.Join(", ", blocked)}");
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{page.Url}: {string.Join("\n", blocking.Select(Describe))}");
        if (screenshot is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, screenshot + ".png"), FullPage = true });
        }
    }

    /// <summary>The page is no wider than the viewport (no horizontal scrolling at 320 px).</summary>
    public static async Task FitsWidthAsync(IPage page)
    {
        // After a click the next page may still be loading; its header script lays the menu out on load.
        await page.WaitForLoadStateAsync(LoadState.Load);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        if (scrollWidth > viewport)
        {
            // Name the widest offenders, outermost first, so the failure says what to fix.
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement.closest('.app-scroll'))
                    .slice(0, 8).map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
                """);
            Assert.Fail($"{page.Url} is {scrollWidth} px wide in a {viewport} px window: {string.Join(", ", wide)}");
        }
    }

    /// <summary>The error summary has taken the keyboard focus (the design system's script moves it a moment after the page shows).</summary>
    public static async Task ErrorSummaryHasFocusAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelector('.nhsuk-error-summary')?.contains(document.activeElement) === true");
        }
        catch (TimeoutException)
        {
            Assert.Fail("The error summary should have the keyboard focus.");
        }
    }

    public static async Task SignInAsync(IPage page, string userId, string expectedHeader)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator($"#sign-in-{userId}").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(expectedHeader);
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Impact} {violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => string.Join(" ", n.Target.ToString())))}";
}
