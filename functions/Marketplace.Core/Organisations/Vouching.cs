namespace Marketplace.Core.Organisations;

/// <summary>
/// What trade associations vouch for about a supplier — membership and the 3millionlives commitment — as pages show it.
/// DOMAIN.md: shown, never a gate; nothing that decides eligibility or score reads it.
/// </summary>
public static class Vouching
{
    /// <summary>The plain note shown beside it, so no buyer mistakes it for a requirement.</summary>
    public const string Note = "Associations vouch for their members' membership and 3millionlives commitment. This is shown for information: "
        + "membership is not a condition of taking part and changes no eligibility or score.";

    /// <summary>
    /// One line, e.g. <c>Member of TEC Services Association and techUK · 3millionlives commitment (vouched for by techUK)</c>;
    /// empty when no association vouches for anything.
    /// </summary>
    /// <param name="associationNames">Names of the associations the supplier belongs to.</param>
    /// <param name="commitments">Each commitment's title and the name of the association that vouches for it.</param>
    public static string Describe(IReadOnlyList<string> associationNames, IEnumerable<(string Title, string VouchedByName)> commitments)
    {
        var parts = new List<string>();
        if (associationNames.Count > 0)
        {
            parts.Add("Member of " + (associationNames.Count == 1 ? associationNames[0]
                : string.Join(", ", associationNames.Take(associationNames.Count - 1)) + " and " + associationNames[^1]));
        }
        parts.AddRange(commitments.Select(c => $"{c.Title} (vouched for by {c.VouchedByName})"));
        return string.Join(" · ", parts);
    }
}
