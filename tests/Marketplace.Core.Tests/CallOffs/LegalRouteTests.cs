using Marketplace.Core.CallOffs;
using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.Tests.CallOffs;

/// <summary>The legal route of a call-off from who buys, where, and what the lot sells.</summary>
public sealed class LegalRouteTests
{
    private static readonly FrameworkCallOffTerms Terms = new()
    {
        DirectAward = true,
        FurtherCompetition = true,
        SelectionMechanism = "rank 1 of the locked shortlist",
        EstimatedValueGbp = 1_000_000m,
        PriceMechanism = "catalogue prices are ceilings",
        EligibleBuyerTypes = ["integrated-care-board", "local-authority", "health-board", "health-and-social-care-trust"],
    };

    internal static readonly Framework Framework = new()
    {
        Id = "ttc-2026",
        Reference = "TTC-2026",
        Name = "Telecare, Telehealth and Telecoaching 2026",
        Status = "live",
        Dates = new FrameworkDates(new(2025, 11, 3), new(2025, 12, 15), new(2026, 4, 1), new(2030, 3, 31)),
        Lots =
        [
            new FrameworkLot("lot-1", 1, "Telecare products", "", ["pendant-alarm", "fall-detector"], ["a"]),
            new FrameworkLot("lot-2", 2, "Telecare services", "", ["alarm-receiving-centre", "responder-service", "installation-and-maintenance"], ["a"]),
            new FrameworkLot("lot-3", 3, "Telehealth products", "", ["vital-signs-hub", "remote-monitoring-platform"], ["a"]),
            new FrameworkLot("lot-4", 4, "Telehealth services", "", ["clinical-triage-service", "remote-monitoring-platform"], ["a"]),
            new FrameworkLot("lot-6", 6, "Managed services", "", ["managed-service", "consultancy"], ["a"]),
        ],
        CallOff = Terms,
    };

    private static Organisation Buyer(string type, string region = "north-west") =>
        new() { Id = "buyer", Kind = OrganisationKind.Commissioner, Name = "Buyer", CommissionerType = type, Region = region };

    private static LegalRoute Route(string type, string lot, string region = "north-west", Framework? framework = null)
    {
        var f = framework ?? Framework;
        return LegalRoutes.For(Buyer(type, region), f, f.Lots.Single(l => l.Id == lot));
    }

    [Theory]
    [InlineData("integrated-care-board", "lot-1", Regime.ProcurementActFramework)]
    [InlineData("integrated-care-board", "lot-3", Regime.ProcurementActFramework)]
    [InlineData("integrated-care-board", "lot-4", Regime.ProviderSelectionRegime)]
    [InlineData("integrated-care-board", "lot-6", Regime.ProviderSelectionRegime)]
    [InlineData("local-authority", "lot-2", Regime.LightTouch)]
    [InlineData("local-authority", "lot-6", Regime.LightTouch)]
    [InlineData("local-authority", "lot-4", Regime.ProviderSelectionRegime)]
    [InlineData("local-authority", "lot-1", Regime.ProcurementActFramework)]
    public void An_English_buyer_gets_the_regime_of_what_it_buys(string type, string lot, string regime)
    {
        var route = Route(type, lot);

        Assert.Equal(regime, route.Regime);
        Assert.Null(route.Refusal);
        Assert.NotEmpty(route.Processes);
        Assert.Equal(regime == Regime.ProviderSelectionRegime, route.StandstillRequired);
    }

    [Fact]
    public void Health_care_services_bought_by_an_NHS_body_follow_the_PSR_processes_and_never_offer_patient_choice()
    {
        var route = Route("integrated-care-board", "lot-4");

        Assert.Equal([CallOffProcess.PsrDirectAwardA, CallOffProcess.PsrDirectAwardC, CallOffProcess.PsrMostSuitableProvider, CallOffProcess.PsrCompetitive], route.Processes);
        Assert.DoesNotContain(CallOffProcess.PsrDirectAwardB, route.Processes);
        Assert.Contains("Provider Selection Regime", route.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_without_a_direct_award_mechanism_allows_only_a_further_competition()
    {
        var noDirect = Framework with { CallOff = Terms with { DirectAward = false } };

        Assert.Equal([CallOffProcess.FurtherCompetition], Route("integrated-care-board", "lot-1", framework: noDirect).Processes);
        Assert.Equal([CallOffProcess.FurtherCompetition], Route("integrated-care-board", "lot-1", framework: Framework with { CallOff = null }).Processes);
        Assert.Equal([CallOffProcess.DirectAward, CallOffProcess.FurtherCompetition], Route("integrated-care-board", "lot-1").Processes);
    }

    [Theory]
    [InlineData("health-board", "scotland", "Scotland")]
    [InlineData("health-board", "wales", "Wales")]
    [InlineData("health-and-social-care-trust", "northern-ireland", "Northern Ireland")]
    public void A_buyer_outside_England_is_told_plainly_its_law_is_not_modelled(string type, string region, string nation)
    {
        var route = Route(type, "lot-4", region);

        Assert.Equal((Regime.NotModelled, nation), (route.Regime, route.Nation));
        Assert.Empty(route.Processes);
        Assert.Contains("does not model", route.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_buyer_the_framework_does_not_name_gets_no_route()
    {
        var route = Route("local-authority", "lot-1", framework: Framework with { CallOff = Terms with { EligibleBuyerTypes = ["integrated-care-board"] } });

        Assert.Empty(route.Processes);
        Assert.NotNull(route.Refusal);
    }

    [Fact]
    public void Devices_are_goods_and_services_are_services_with_CPV_codes_per_category()
    {
        Assert.Equal("goods", ProcurementCategories.MainCategoryOf(Framework.Lots[0]));
        Assert.Equal("goods", ProcurementCategories.MainCategoryOf(Framework.Lots[2]));
        Assert.Equal("services", ProcurementCategories.MainCategoryOf(Framework.Lots[1]));
        Assert.Equal("services", ProcurementCategories.MainCategoryOf(Framework.Lots[3]));
        Assert.Equal(("79711000-1", "Alarm-monitoring services"), ProcurementCategories.CpvOf("alarm-receiving-centre"));
        Assert.Equal("33195000-3", ProcurementCategories.CpvOf("vital-signs-hub").Code);
    }

    [Fact]
    public void Every_category_the_seed_frameworks_sell_has_a_CPV_code_with_a_valid_shape()
    {
        var frameworks = System.Text.Json.JsonSerializer.Deserialize<List<Framework>>(
            File.ReadAllText(Path.Combine(Shortlisting.TemplateFileTests.FindRoot(), "catalogue-seed", "frameworks.json")), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        var categories = frameworks.SelectMany(f => f.Lots).SelectMany(l => l.Categories).Distinct().ToList();

        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.True(ProcurementCategories.IsKnown(c), c));
        Assert.All(categories, c => Assert.Matches("^[0-9]{8}-[0-9]$", ProcurementCategories.CpvOf(c).Code));
        Assert.All(frameworks, f => Assert.True(f.CallOff is { EstimatedValueGbp: > 0, EligibleBuyerTypes.Count: > 0 }, f.Id));
    }
}
