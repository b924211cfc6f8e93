using Marketplace.Core.Shortlisting;

namespace Marketplace.Core.CallOffs;

/// <summary>
/// What a commissioner asks to record before an award decision (<c>POST /api/shortlists/{id}/award-checks</c>): the
/// exclusion and debarment check of the suppliers (Procurement Act 2023 s.57–58, the debarment list s.62) and the
/// conflicts-of-interest declaration (s.83).
/// </summary>
public sealed record AwardChecksRequest
{
    /// <summary>Must be true: the central debarment list was checked for every supplier that could be awarded.</summary>
    public bool? DebarmentListChecked { get; init; }
    /// <summary>The day the exclusion grounds and the debarment list were checked.</summary>
    public DateOnly? CheckedOn { get; init; }
    /// <summary>Suppliers found excluded or debarred (none may be awarded); empty when none.</summary>
    public IReadOnlyList<string>? ExcludedSupplierIds { get; init; }
    /// <summary>The conflicts assessment: who was involved and what they declared.</summary>
    public string? ConflictsDeclaration { get; init; }
    /// <summary>Whether a conflict of interest was found.</summary>
    public bool? ConflictFound { get; init; }
    /// <summary>When a conflict was found: the steps taken to mitigate it (s.83(3)).</summary>
    public string? Mitigation { get; init; }
}

/// <summary>The recorded checks, with who recorded them and when.</summary>
public sealed record AwardChecks(DateOnly CheckedOn, IReadOnlyList<string> ExcludedSupplierIds, string ConflictsDeclaration, bool ConflictFound,
    string? Mitigation, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>Rules for the checks before an award.</summary>
public static class AwardCheckRules
{
    /// <summary>Longest declaration or mitigation kept.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The checks to store, or the fields at fault.</summary>
    public static (AwardChecks? Checks, IReadOnlyList<SpecificationError> Errors) Decide(AwardChecksRequest request, DateOnly today, DateTimeOffset now, string userId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<SpecificationError>();
        if (request.DebarmentListChecked != true)
        {
            errors.Add(new("debarmentListChecked", "must be true: check the debarment list and the exclusion grounds for the suppliers before any award decision"));
        }
        if (request.CheckedOn is not { } on)
        {
            errors.Add(new("checkedOn", "the day of the check is required"));
        }
        else if (on > today)
        {
            errors.Add(new("checkedOn", "cannot be in the future"));
        }
        var declaration = request.ConflictsDeclaration?.Trim();
        if (string.IsNullOrEmpty(declaration))
        {
            errors.Add(new("conflictsDeclaration", "declare who was involved in the decision and any interests they hold (Procurement Act 2023 s.83)"));
        }
        else if (declaration.Length > MaxTextLength)
        {
            errors.Add(new("conflictsDeclaration", $"must be at most {MaxTextLength} characters"));
        }
        if (request.ConflictFound is null)
        {
            errors.Add(new("conflictFound", "say whether a conflict of interest was found"));
        }
        var mitigation = request.Mitigation?.Trim();
        if (request.ConflictFound == true && string.IsNullOrEmpty(mitigation))
        {
            errors.Add(new("mitigation", "a conflict was found: say what was done to mitigate it"));
        }
        else if (mitigation is { Length: > MaxTextLength })
        {
            errors.Add(new("mitigation", $"must be at most {MaxTextLength} characters"));
        }
        if (request.ExcludedSupplierIds?.Any(id => !Ids.IsId(id)) == true)
        {
            errors.Add(new("excludedSupplierIds", "each must be an organisation id"));
        }
        return errors.Count > 0
            ? (null, errors)
            : (new AwardChecks(request.CheckedOn!.Value, [.. (request.ExcludedSupplierIds ?? []).Distinct(StringComparer.Ordinal)], declaration!, request.ConflictFound!.Value,
                string.IsNullOrEmpty(mitigation) ? null : mitigation, now, userId), []);
    }

    /// <summary>Why an award to <paramref name="supplierId"/> cannot be decided on these checks (code, detail), or null.</summary>
    public static (string Code, string Detail)? Refusal(AwardChecks? checks, string supplierId, string supplierName) =>
        checks is null
            ? (CallOffRules.ChecksMissing, "Record the exclusion and debarment check and the conflicts declaration (POST /api/shortlists/{id}/award-checks) before the award decision.")
            : checks.ExcludedSupplierIds.Contains(supplierId, StringComparer.Ordinal)
                ? (CallOffRules.SupplierExcluded, $"{supplierName} was found excluded or debarred on {checks.CheckedOn:yyyy-MM-dd}; it cannot be awarded this call-off.")
                : null;
}
