using System.Globalization;
using Marketplace.Core.Catalogue;

namespace Marketplace.Core.Shortlisting;

/// <summary>
/// Whole-life cost: the most an offering can cost over the contract, in GBP excluding VAT, from its price model, the
/// specification's volume (units, patients or connections) and contract length in months.
/// <list type="bullet">
/// <item><c>per-unit</c>: amount × volume, once.</item>
/// <item><c>per-installation</c>: amount × volume (one installation per unit or patient).</item>
/// <item><c>per-connection-per-week</c>: amount × volume × weeks, weeks = months × 52 / 12.</item>
/// <item><c>per-patient-per-month</c>: amount × volume × months.</item>
/// <item><c>managed-service-monthly</c>: amount × volume × months, plus the maximum outcome reward: reward per patient
/// per year × volume × months ÷ 12. DOMAIN.md's commercial model counts the reward, because it is what the buyer may
/// have to pay: a fee that looks low with a large reward on top is not the cheaper offer.</item>
/// </list>
/// </summary>
public static class WholeLifeCost
{
    /// <summary>Price model slugs (<c>schemas/vocabulary.schema.json</c> <c>priceModel</c>).</summary>
    public static readonly IReadOnlyList<string> Models =
        ["per-unit", "per-connection-per-week", "per-patient-per-month", "per-installation", "managed-service-monthly"];

    /// <summary>The cost in GBP, unrounded; null for a price model this code does not know.</summary>
    /// <param name="price">The offering's price.</param>
    /// <param name="volume">Units, patients or connections, ≥ 1.</param>
    /// <param name="contractMonths">Contract length in months, ≥ 1.</param>
    public static decimal? Of(OfferingPrice price, int volume, int contractMonths)
    {
        ArgumentNullException.ThrowIfNull(price);
        return price.Model switch
        {
            "per-unit" or "per-installation" => price.AmountGbp * volume,
            // Multiply before dividing so whole weeks stay exact: 36 months = 156 weeks.
            "per-connection-per-week" => price.AmountGbp * volume * contractMonths * 52m / 12m,
            "per-patient-per-month" => price.AmountGbp * volume * contractMonths,
            "managed-service-monthly" => price.AmountGbp * volume * contractMonths + MostReward(price, volume, contractMonths),
            _ => null,
        };
    }

    // Multiply before dividing, as above: 36 months of a £130 yearly reward is exactly 3 × £130.
    private static decimal MostReward(OfferingPrice price, int volume, int contractMonths) =>
        price.OutcomeRewardGbp is decimal reward and > 0 ? reward * volume * contractMonths / 12m : 0m;

    /// <summary>
    /// How the cost was worked out, e.g. "£4.10 per connection per week × 500 connections × 156 weeks (36 months)"; a
    /// managed service's outcome reward is shown as the part of the sum it is.
    /// </summary>
    public static string Describe(OfferingPrice price, int volume, int contractMonths)
    {
        ArgumentNullException.ThrowIfNull(price);
        var amount = Money(price.AmountGbp);
        var text = price.Model switch
        {
            "per-unit" => $"{amount} per unit × {Count(volume, "unit")}, one-off",
            "per-installation" => $"{amount} per installation × {Count(volume, "installation")}",
            "per-connection-per-week" => $"{amount} per connection per week × {Count(volume, "connection")} × {Weeks(contractMonths)} weeks ({Count(contractMonths, "month")})",
            "per-patient-per-month" => $"{amount} per patient per month × {Count(volume, "patient")} × {Count(contractMonths, "month")}",
            "managed-service-monthly" => $"{amount} per enrolled patient per month × {Count(volume, "patient")} × {Count(contractMonths, "month")}",
            _ => $"unknown price model '{price.Model}'",
        };
        if (price.Model == "managed-service-monthly" && price.OutcomeRewardGbp is decimal reward and > 0)
        {
            text += $" + maximum outcome reward {Money(reward)} per patient per year × {Count(volume, "patient")} × {Count(contractMonths, "month")} ÷ 12 " +
                $"({Money(MostReward(price, volume, contractMonths))})";
        }
        return text;
    }

    internal static string Money(decimal gbp) => "£" + Math.Round(gbp, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Weeks(int months)
    {
        var weeks = months * 52m / 12m;
        return decimal.Round(weeks, 2).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string Count(int n, string noun) => n.ToString("#,##0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
