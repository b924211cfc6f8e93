using System.Text.RegularExpressions;
using Marketplace.Core.Attestations;
using Marketplace.Storage.Catalogue;
using Marketplace.Storage.Shortlisting;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Web.Tests;

/// <summary>A commissioner decides a supplier's claimed equivalent on its shortlist, at 320 px, with axe at each step.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EquivalentPages(BrowserApp app)
{
    // The telehealth template's standard criteria, by requirement id (MHRA and DTAC are gates since version 3).
    private static readonly Dictionary<string, (string Code, bool Organisation)> StandardCriteria = new(StringComparer.Ordinal)
    {
        ["cyber-essentials-plus"] = ("CYBER-ESSENTIALS-PLUS", true),
        ["iso27001"] = ("ISO27001", true),
        ["wcag"] = ("WCAG21-AA", false),
    };

    [Fact]
    public async Task A_pending_claim_is_shown_for_decision_refused_without_a_reason_and_accepted_with_one()
    {
        var page = await app.NewPageAsync(width: 320, height: 640);
        // Mersey Vale has assessed North West platforms against DTAC, a gate of the telehealth template.
        await PageChecks.SignInAsync(page, "usr-000008", "Owen Shah");
        await page.GotoAsync("/specifications/new?template=telehealth-remote-monitoring");
        await page.Locator("#title").FillAsync("Claimed equivalents check");
        await page.Locator("#region").SelectOptionAsync("north-west");
        await page.Locator("#volume").FillAsync("100");
        await page.Locator("#contract-months").FillAsync("24");
        await page.Locator("#save-specification").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Specification saved");
        var specificationPage = page.Url;
        await page.Locator("#create-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Draft");

        // A listed offering that scores 0 on a standard criterion; its supplier then claims an equivalent of that standard.
        var shortlists = app.Services.GetRequiredService<ShortlistingTables>();
        var first = (await shortlists.Shortlists.FindAsync(ShortlistId().Match(page.Url).Groups[1].Value, CancellationToken.None))!.Document;
        var (entry, line) = first.Result.Entries.SelectMany(e => e.Criteria.Where(c => c.Score == 0 && StandardCriteria.ContainsKey(c.RequirementId)).Select(c => (e, c))).First();
        var (code, organisation) = StandardCriteria[line.RequirementId];
        var claim = new Attestation
        {
            Id = "att-web-claim",
            SupplierId = entry.SupplierId,
            StandardCode = code,
            OfferingId = organisation ? null : entry.OfferingId,
            CertificateNumber = "SOC2-2026-114",
            IssuedOn = new DateOnly(2026, 3, 1),
            Status = AttestationStatus.Submitted,
            SubmittedAt = DateTimeOffset.UtcNow.AddDays(-2),
            Evidence = [new EvidenceFile("soc2-type-ii-report.pdf", "application/pdf", 245_000, new string('c', 64))],
            Equivalent = new EquivalentClaim("SOC 2 Type II report", "Hartley Assurance LLP", "Independently audits the same controls over the last twelve months."),
        };
        await app.Services.GetRequiredService<CatalogueTables>().Attestations.WriteAsync(claim.Id, claim, CancellationToken.None);
        // Written straight into the table, so the candidate projection hears of it as it would from the nightly reconciliation.
        await app.Services.GetRequiredService<Marketplace.Storage.Shortlisting.CandidateProjection>().ReconcileAsync(CancellationToken.None);

        await page.GotoAsync(specificationPage);
        await page.Locator("#create-shortlist").ClickAsync();
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("Draft");
        var card = page.Locator("#equivalent-att-web-claim");
        await Expect(card).ToContainTextAsync("Claimed equivalent — your decision");
        await Expect(card).ToContainTextAsync("Hartley Assurance LLP");
        await Expect(card).ToContainTextAsync($"{entry.OfferingName}: criterion “{first.Snapshot.Template.TextOf(line.RequirementId)}”");
        await Expect(page.Locator("#pending-warning")).ToContainTextAsync("1 claimed equivalent awaits your decision");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "shortlist-claimed-equivalent-narrow");

        await page.Locator("#accept-att-web-claim").ClickAsync();
        await Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Your reason: Say why you accept or reject the claimed equivalent.");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page);

        await page.Locator("#equivalent-reason-att-web-claim").FillAsync("A SOC 2 Type II audit of these controls meets our need.");
        await page.Locator("#accept-att-web-claim").ClickAsync();
        await Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Claimed equivalent accepted.");
        await Expect(card).ToContainTextAsync("Accepted on");
        await Expect(card).ToContainTextAsync("A SOC 2 Type II audit of these controls meets our need.");
        await Expect(page.Locator("#pending-warning")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).ToContainTextAsync("Accepted equivalent: SOC 2 Type II report (your decision on ");
        await PageChecks.FitsWidthAsync(page);
        await PageChecks.AccessibleAsync(page, "shortlist-equivalent-accepted-narrow");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/shortlists/(sl-[0-9a-f]+)")]
    private static partial Regex ShortlistId();
}
