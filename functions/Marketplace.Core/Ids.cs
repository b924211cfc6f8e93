using System.Text.RegularExpressions;

namespace Marketplace.Core;

/// <summary>The shapes of record ids, checked before any look-up.</summary>
public static partial class Ids
{
    /// <summary>Ids are lower-case slugs (vocabulary.schema.json); anything else cannot name a record, so it is a 404, never a storage error.</summary>
    public static bool IsId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Standard codes are upper-case letters, digits and hyphens.</summary>
    public static bool IsStandardCode([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? code) => code is not null && StandardCodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,39}$")]
    private static partial Regex StandardCodePattern();
}
