using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.Progress;

/// <summary>
/// The month's awards as one OCDS 1.1 release package: each award's release exactly as the shortlist export builds it
/// (<see cref="OcdsReleasePackage"/>), gathered under one package. Pure.
/// </summary>
public static class AwardsPackage
{
    /// <summary>A month as the open data names it: <c>yyyy-MM</c>.</summary>
    public static bool TryParseMonth(string? text, out DateOnly firstDay)
    {
        firstDay = default;
        return text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay);
    }

    /// <summary>Whether the award was recorded in the month starting <paramref name="firstDay"/> (UTC).</summary>
    public static bool AwardedIn(ShortlistDocument shortlist, DateOnly firstDay) =>
        shortlist.Outcome is { Result: CallOffResult.Awarded } outcome
        && DateOnly.FromDateTime(outcome.RecordedAt.UtcDateTime) is var day && day >= firstDay && day < firstDay.AddMonths(1);

    /// <summary>The package of the awards recorded in the month, in award order.</summary>
    public static JsonObject Build(IEnumerable<ShortlistDocument> awarded, DateOnly firstDay, OcdsPublisher publisher, DateTimeOffset publishedAt)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var month = firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var releases = new JsonArray();
        var extensions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var shortlist in awarded.Where(s => AwardedIn(s, firstDay)).OrderBy(s => s.Outcome!.RecordedAt).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var single = ReleaseOf(shortlist, publisher, publishedAt);
            foreach (var extension in single["extensions"]?.AsArray() ?? [])
            {
                extensions.Add(extension!.GetValue<string>());
            }
            foreach (var release in single["releases"]!.AsArray().ToList())
            {
                single["releases"]!.AsArray().Remove(release);
                releases.Add(release);
            }
        }
        var package = new JsonObject
        {
            ["uri"] = new Uri(publisher.BaseUri, $"api/open-data/awards/{month}.json").ToString(),
            ["version"] = "1.1",
            ["publishedDate"] = publishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["publisher"] = new JsonObject { ["name"] = publisher.PublisherName, ["uri"] = publisher.BaseUri.ToString() },
            ["license"] = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            ["publicationPolicy"] = new Uri(publisher.BaseUri, "progress").ToString(),
        };
        if (extensions.Count > 0)
        {
            package["extensions"] = new JsonArray([.. extensions.Select(e => JsonValue.Create(e))]);
        }
        package["releases"] = releases;
        return package;
    }

    // The one place that calls the shortlist's release builder: repoint it here if the award notices change.
    private static JsonObject ReleaseOf(ShortlistDocument shortlist, OcdsPublisher publisher, DateTimeOffset publishedAt) =>
        OcdsReleasePackage.Build(shortlist, publisher, publishedAt);
}
