using Marketplace.Core.Frameworks;
using Marketplace.Core.Organisations;

namespace Marketplace.Core.CallOffs;

/// <summary>The legal regime a call-off is bought under.</summary>
public static class Regime
{
    /// <summary>Procurement Act 2023: a call-off from a framework (s.45–46).</summary>
    public const string ProcurementActFramework = "procurement-act-framework";
    /// <summary>Procurement Act 2023, light-touch contract (social care services bought by a council), called off a framework.</summary>
    public const string LightTouch = "procurement-act-light-touch";
    /// <summary>Health Care Services (Provider Selection Regime) Regulations 2023.</summary>
    public const string ProviderSelectionRegime = "provider-selection-regime";
    /// <summary>Scotland, Wales and Northern Ireland: their own law, which this marketplace does not model.</summary>
    public const string NotModelled = "not-modelled";
}

/// <summary>The processes by which a call-off can be awarded.</summary>
public static class CallOffProcess
{
    /// <summary>Procurement Act framework: direct award by the framework's objective selection mechanism (here rank 1 of the locked shortlist).</summary>
    public const string DirectAward = "direct-award";
    /// <summary>Procurement Act framework: competitive selection among the lot's suppliers able to deliver (s.46).</summary>
    public const string FurtherCompetition = "further-competition";
    /// <summary>PSR direct award A: only one provider is capable of providing the services.</summary>
    public const string PsrDirectAwardA = "psr-direct-award-a";
    /// <summary>PSR direct award B: patients choose their provider (not how telecare or telehealth is bought; never offered here).</summary>
    public const string PsrDirectAwardB = "psr-direct-award-b";
    /// <summary>PSR direct award C: the existing provider is satisfactory and the service does not change considerably; needs a notice of intention first.</summary>
    public const string PsrDirectAwardC = "psr-direct-award-c";
    /// <summary>PSR most suitable provider: the buyer identifies the most suitable provider against the key criteria without competing.</summary>
    public const string PsrMostSuitableProvider = "psr-most-suitable-provider";
    /// <summary>PSR competitive process: run here as a further competition scored on the key criteria.</summary>
    public const string PsrCompetitive = "psr-competitive";

    /// <summary>Processes that award without a competition (only ever to rank 1 of the locked shortlist).</summary>
    public static readonly IReadOnlyList<string> Direct = [DirectAward, PsrDirectAwardA, PsrDirectAwardC, PsrMostSuitableProvider];

    /// <summary>Processes run as a further competition.</summary>
    public static readonly IReadOnlyList<string> Competitive = [FurtherCompetition, PsrCompetitive];
}

/// <summary>
/// The legal route of one call-off: the regime, the processes it allows (in the order a commissioner would consider
/// them), whether standstill is required, and why, in plain words. <see cref="Processes"/> is empty when the
/// regime is not modelled or the buyer may not use the framework.
/// </summary>
/// <param name="Regime">One of <see cref="CallOffs.Regime"/>.</param>
/// <param name="Processes">Allowed <see cref="CallOffProcess"/> values.</param>
/// <param name="StandstillRequired">Whether a standstill of <see cref="LegalRoutes.StandstillWorkingDays"/> working days must follow the award decision.</param>
/// <param name="Nation">England, Scotland, Wales or Northern Ireland (from the commissioner's region).</param>
/// <param name="Subject">What is bought: <c>goods</c>, <c>health care services</c>, <c>social care services</c> or <c>services</c>.</param>
/// <param name="Explanation">Why this route, citing the law.</param>
/// <param name="Refusal">Why no call-off can proceed here, or null.</param>
public sealed record LegalRoute(string Regime, IReadOnlyList<string> Processes, bool StandstillRequired, string Nation, string Subject, string Explanation, string? Refusal)
{
    /// <summary>Whether <paramref name="process"/> may be used on this route.</summary>
    public bool Allows(string? process) => process is not null && Processes.Contains(process);
}

/// <summary>Decides the legal route of a call-off from who buys (type, nation), the framework and lot, and what the lot sells.</summary>
public static class LegalRoutes
{
    /// <summary>Standstill length (Procurement Act 2023 s.51; PSR regulation 12).</summary>
    public const int StandstillWorkingDays = 8;

    /// <summary>Commissioner types that are NHS bodies.</summary>
    public static readonly IReadOnlySet<string> NhsBodies = new HashSet<string>(StringComparer.Ordinal) { "integrated-care-board", "nhs-trust" };

    private static readonly IReadOnlyDictionary<string, string> Nations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["scotland"] = "Scotland",
        ["wales"] = "Wales",
        ["northern-ireland"] = "Northern Ireland",
    };

    private static readonly IReadOnlyDictionary<string, string> OwnLaw = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Scotland"] = "the Procurement Reform (Scotland) Act 2014 and the Public Contracts (Scotland) Regulations 2015",
        ["Wales"] = "the Procurement Act 2023 as it applies to Welsh authorities and the Health Service Procurement (Wales) Regulations 2025",
        ["Northern Ireland"] = "the Procurement Act 2023 as it applies in Northern Ireland, with Northern Ireland's own health and social care arrangements",
    };

    /// <summary>The route for <paramref name="commissioner"/> calling off <paramref name="lot"/> of <paramref name="framework"/>.</summary>
    public static LegalRoute For(Organisation commissioner, Framework framework, FrameworkLot lot)
    {
        ArgumentNullException.ThrowIfNull(commissioner);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(lot);
        var nation = commissioner.Region is { } region && Nations.TryGetValue(region, out var other) ? other : "England";
        var type = commissioner.CommissionerType ?? "";
        var subject = ProcurementCategories.SubjectOf(lot, type);
        if (nation != "England")
        {
            return new LegalRoute(Regime.NotModelled, [], false, nation, subject,
                $"{commissioner.Name} buys in {nation}, under {OwnLaw[nation]}. This marketplace models the law in England only, so it does not say which process applies or run one.",
                $"The marketplace does not model procurement law in {nation}; record the outcome of a process run outside it (cancelled or none suitable) and take advice.");
        }
        if (framework.CallOff is { } terms && !terms.EligibleBuyerTypes.Contains(type, StringComparer.Ordinal))
        {
            return new LegalRoute(Regime.ProcurementActFramework, [], false, nation, subject,
                $"{framework.Reference} names who may use it ({string.Join(", ", terms.EligibleBuyerTypes)}); a {type} is not among them (Procurement Act 2023 s.45).",
                $"A {type} may not call off {framework.Reference}.");
        }
        if (subject == ProcurementCategories.HealthCare)
        {
            // PSR covers health care services bought by NHS bodies and, for public health, by local authorities.
            IReadOnlyList<string> psr = [CallOffProcess.PsrDirectAwardA, CallOffProcess.PsrDirectAwardC, CallOffProcess.PsrMostSuitableProvider, CallOffProcess.PsrCompetitive];
            return new LegalRoute(Regime.ProviderSelectionRegime, psr, true, nation, subject,
                $"Lot {lot.Number} ({lot.Name}) is health care services and {commissioner.Name} is a relevant authority, so the Health Care Services (Provider Selection Regime) " +
                "Regulations 2023 apply instead of the Procurement Act: direct award A (only one capable provider), C (the existing provider, with a notice of intention first), " +
                "most suitable provider, or the competitive process, judged on the five key criteria; an 8-working-day standstill follows the decision. " +
                "Direct award B (patient choice) is not how these services are bought and is not offered.",
                null);
        }
        var processes = new List<string>();
        if (framework.CallOff?.DirectAward == true)
        {
            processes.Add(CallOffProcess.DirectAward);
        }
        if (framework.CallOff?.FurtherCompetition ?? true)
        {
            processes.Add(CallOffProcess.FurtherCompetition);
        }
        var mechanism = framework.CallOff is { } set
            ? $"The framework's call-off terms: {(set.DirectAward ? $"direct award by its objective mechanism ({set.SelectionMechanism})" : "no direct award")}" +
              $"{(set.FurtherCompetition ? ", or a further competition among the lot's suppliers able to deliver (s.46)" : "")}."
            : "The framework sets out no objective selection mechanism, so only a further competition is possible (s.46).";
        var lightTouch = subject == ProcurementCategories.SocialCare && !NhsBodies.Contains(type);
        return new LegalRoute(lightTouch ? Regime.LightTouch : Regime.ProcurementActFramework, processes, false, nation, subject,
            (lightTouch
                ? $"Lot {lot.Number} ({lot.Name}) is social care services bought by a council: a light-touch contract under the Procurement Act 2023, called off {framework.Reference}. "
                : $"Lot {lot.Number} ({lot.Name}) is {subject} called off {framework.Reference} under the Procurement Act 2023 (s.45–46). ") +
            mechanism + " A contract award notice precedes the contract (s.50); standstill is voluntary for a framework call-off (s.51), " +
            "and a contract details notice follows signature (s.53).",
            processes.Count == 0 ? $"{framework.Reference} allows neither a direct award nor a further competition." : null);
    }
}
