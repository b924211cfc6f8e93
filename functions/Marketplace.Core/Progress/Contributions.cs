using System.Globalization;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Organisations;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Progress;

/// <summary>What each record adds to the counters, decided from the record alone, so recomputing it is always safe.</summary>
public static class Contributions
{
    /// <summary>The contributions key of an award (a shortlist with an outcome).</summary>
    public static string AwardSource(string shortlistId) => "award-" + shortlistId;

    /// <summary>The contributions key of an offering.</summary>
    public static string OfferingSource(string offeringId) => "offering-" + offeringId;

    /// <summary>Cohort condition when the specification names none.</summary>
    public const string ConditionNotStated = "not-stated";

    /// <summary>
    /// An awarded call-off covers the specification's volume of people, in its region and lot, in the month of award, and
    /// under each condition of the cohort the specification asks to be covered. Anything else covers no one.
    /// </summary>
    public static IReadOnlyList<Contribution> OfAward(ShortlistDocument shortlist)
    {
        ArgumentNullException.ThrowIfNull(shortlist);
        if (shortlist.Outcome is not { Result: CallOffResult.Awarded } outcome)
        {
            return [];
        }
        var spec = shortlist.Snapshot.Specification;
        var member = shortlist.Id;
        long people = spec.Volume;
        var month = outcome.RecordedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var contributions = new List<Contribution>
        {
            new(Measures.PeopleByRegion, spec.Region, member, people),
            new(Measures.PeopleByLot, shortlist.Result.LotId, member, people),
            new(Measures.PeopleByMonth, month, member, people),
        };
        contributions.AddRange(ConditionsOf(shortlist.Snapshot).Select(c => new Contribution(Measures.PeopleByCondition, c, member, people)));
        return contributions;
    }

    /// <summary>
    /// An active offering counts once in its lot, once per lot and region it serves (and its supplier once there), once per
    /// lot and standard it holds today, once by switchover readiness when it is telecare, and its supplier once by size.
    /// A retired or missing offering (null) counts nowhere.
    /// </summary>
    public static IReadOnlyList<Contribution> OfOffering(OfferingSearchDocument? offering, Organisation? supplier)
    {
        if (offering is null)
        {
            return [];
        }
        var id = offering.Id;
        var contributions = new List<Contribution>();
        foreach (var lot in offering.Lots.Distinct(StringComparer.Ordinal))
        {
            contributions.Add(new(Measures.OfferingsByLot, lot, id, 1));
            foreach (var region in offering.Regions.Distinct(StringComparer.Ordinal))
            {
                contributions.Add(new(Measures.OfferingsByLotRegion, Measures.Pair(lot, region), id, 1));
                contributions.Add(new(Measures.SuppliersByLotRegion, Measures.Pair(lot, region), offering.SupplierId, 1));
            }
            foreach (var standard in offering.VerifiedStandards.Distinct(StringComparer.Ordinal))
            {
                contributions.Add(new(Measures.OfferingsByLotStandard, Measures.Pair(lot, standard), id, 1));
            }
        }
        if (Switchover.TelecareCategories.Contains(offering.Category))
        {
            contributions.Add(new(Measures.SwitchoverReadiness, Switchover.Of(offering.Connectivity, offering.VerifiedStandards), id, 1));
        }
        contributions.Add(new(Measures.SuppliersBySize, SizeOf(supplier), offering.SupplierId, 1));
        return contributions;
    }

    /// <summary><c>sme</c>, <c>large</c>, or <c>not-stated</c> when the organisation has not said.</summary>
    public static string SizeOf(Organisation? supplier) => supplier?.Sme switch
    {
        true => "sme",
        false => "large",
        null => "not-stated",
    };

    // The cohort's conditions are the condition-covered requirements as the specification resolved them (its own values
    // over the template's defaults); a snapshot that no longer resolves counts as not stated rather than failing.
    private static IReadOnlyList<string> ConditionsOf(ShortlistSnapshot snapshot)
    {
        var errors = new List<SpecificationError>();
        var conditions = SpecificationRules.Resolve(snapshot.Specification, snapshot.Template, snapshot.Framework, errors)
            .Select(r => r.Rule).OfType<ConditionCoveredRule>().SelectMany(r => r.Conditions)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return conditions.Count == 0 ? [ConditionNotStated] : conditions;
    }
}
