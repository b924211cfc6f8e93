using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Shortlisting;
using Marketplace.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>
/// Every seeded template tried as a commissioner new to the product would (issue 13): sign in, choose the template, fill
/// in title, lot, region, volume and months, keep the suggested weights, create the shortlist and read it. The top entry
/// must be something the template is for, and its explanation must read as words: a capability by its name, never a
/// requirement id.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TemplateJourneys(BrowserApp app)
{
    private const string Commissioner = "usr-000008";   // Owen Shah, NHS Mersey Vale ICB (North West), who has assessed telehealth for DTAC

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Volume and months as each lot is bought (units, connections, patients or participants).</summary>
    public static TheoryData<string, int, int> Templates() => new()
    {
        { "telecare-products", 500, 24 },
        { "alarm-receiving-centre", 3000, 36 },
        { "responder-service", 3000, 36 },
        { "telehealth-remote-monitoring", 400, 36 },
        { "clinical-triage-service", 400, 24 },
        { "telecoaching", 250, 24 },
        { "managed-telehealth-service", 2000, 60 },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task A_new_commissioner_writes_a_specification_from_the_template_and_reads_a_shortlist_in_words(string templateId, int volume, int months)
    {
        var template = JsonSerializer.Deserialize<KeyRequirementsTemplate>(
            File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "templates", templateId + ".json")), Web)!;
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, Commissioner, "Owen Shah");

        await page.GetByRole(AriaRole.Link, new() { Name = "Shortlists", Exact = true }).ClickAsync();
        await page.Locator("#start-specification").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = template.Name, Exact = true }).ClickAsync();
        await Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync(template.Name);
        await page.Locator("#title").FillAsync($"{template.Name}, North West");
        await page.Locator("#lot").SelectOptionAsync($"ttc-2026-lot-{template.Lot}");
        await page.Locator("#region").SelectOptionAsync("north-west");
        await page.Locator("#volume").FillAsync(volume.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#contract-months").FillAsync(months.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#save-specification").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Specification saved");

        await page.Locator("#create-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Draft");
        var top = page.Locator("#ranked tbody tr").First.GetByRole(AriaRole.Link);
        Assert.True(await top.CountAsync() == 1, $"{template.Name}: nothing on the shortlist; {await page.Locator("#excluded-heading").InnerTextAsync()}");
        var offeringId = (await top.GetAttributeAsync("href"))!.Split('/')[^1];
        var categories = template.Sections.SelectMany(s => s.Requirements).Select(r => r.Rule).OfType<CategoryRule>().Single().Categories;
        Assert.Contains(CategoryOf(offeringId), categories);

        await page.Locator("#breakdown-1 summary").ClickAsync();
        var explanation = await page.Locator("#breakdown-1 tbody").InnerTextAsync();
        Assert.Contains(Capabilities.All, c => explanation.Contains(c.Name, StringComparison.OrdinalIgnoreCase));
        var ids = template.Sections.SelectMany(s => s.Requirements).Select(r => r.Id).Concat(Capabilities.All.Select(c => c.Slug))
            .Where(id => id.Contains('-', StringComparison.Ordinal));
        Assert.DoesNotContain(ids, id => Regex.IsMatch(explanation, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])"));
        await PageChecks.AccessibleAsync(page, $"shortlist-{templateId}");
        await page.Context.CloseAsync();
    }

    private static readonly Lazy<Dictionary<string, string>> Categories = new(() => JsonDocument
        .Parse(File.ReadAllText(RepositoryPaths.Combine("catalogue-seed", "offerings.json"))).RootElement.EnumerateArray()
        .ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("category").GetString()!, StringComparer.Ordinal));

    private static string CategoryOf(string offeringId) => Categories.Value[offeringId];
}
