using System.Globalization;

namespace Marketplace.Core.Catalogue;

/// <summary>What a listing change did to its declarations, by capability slug, in the order they appear.</summary>
/// <param name="Added">Declared now and not before.</param>
/// <param name="Changed">Declared before and now, with another statement, figure or evidence file.</param>
/// <param name="Withdrawn">Declared before and not now.</param>
public sealed record CapabilityChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Withdrawn)
{
    /// <summary>True when no declaration was added, changed or withdrawn.</summary>
    public bool None => Added.Count + Changed.Count + Withdrawn.Count == 0;

    /// <summary>One line for the audit trail, e.g. "Capabilities added: clinician-dashboard; withdrawn: video-sessions."; null when none.</summary>
    public string? Describe()
    {
        var parts = new[] { ("added", Added), ("changed", Changed), ("withdrawn", Withdrawn) }
            .Where(p => p.Item2.Count > 0)
            .Select(p => $"{p.Item1}: {string.Join(", ", p.Item2)}")
            .ToList();
        return parts.Count == 0 ? null : $"Capabilities {string.Join("; ", parts)}.";
    }
}

/// <summary>
/// The rules for an offering's capability declarations (<see cref="CapabilityDeclaration"/>), each refusal naming the
/// field at fault as <c>capabilities[i].capability</c>, <c>capabilities[i].statement</c> or <c>capabilities[i].value</c>,
/// and the dates and evidence the marketplace keeps on them.
/// </summary>
public static class CapabilityDeclarations
{
    /// <summary>Most capabilities one offering declares.</summary>
    public const int MaxDeclarations = 40;
    /// <summary>Shortest statement, in characters.</summary>
    public const int MinStatementLength = 10;
    /// <summary>Longest statement, in characters.</summary>
    public const int MaxStatementLength = 400;
    /// <summary>Largest declared figure, in the capability's measure.</summary>
    public const int MaxValue = 10_000;

    /// <summary>The field name of one part of the declaration at <paramref name="index"/>, e.g. <c>capabilities[2].value</c>.</summary>
    public static string Field(int index, string part) => $"capabilities[{index.ToString(CultureInfo.InvariantCulture)}].{part}";

    /// <summary>
    /// Field → messages for every declaration that breaks a rule: a capability from the vocabulary, declared once,
    /// a statement of 10–400 characters, a figure (0–10000) exactly when the capability is measured, at most 40 in all.
    /// Empty when all hold.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Refusals(IReadOnlyList<CapabilityDeclaration> declarations)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (declarations.Count > MaxDeclarations)
        {
            errors["capabilities"] = [$"At most {MaxDeclarations} capabilities may be declared; {declarations.Count} were sent."];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < declarations.Count; i++)
        {
            var declaration = declarations[i];
            var definition = Capabilities.Find(declaration.Capability);
            if (definition is null)
            {
                errors[Field(i, "capability")] = [$"'{declaration.Capability}' is not a capability in the vocabulary."];
            }
            else if (!seen.Add(definition.Slug))
            {
                errors[Field(i, "capability")] = [$"{definition.Name} is declared twice; declare each capability once."];
            }
            var length = declaration.Statement?.Length ?? 0;
            if (length is < MinStatementLength or > MaxStatementLength)
            {
                errors[Field(i, "statement")] = [$"The statement must be {MinStatementLength} to {MaxStatementLength} characters; it is {length}."];
            }
            if (ValueRefusal(definition, declaration.Value) is { } refused)
            {
                errors[Field(i, "value")] = [refused];
            }
        }
        return errors;
    }

    private static string? ValueRefusal(CapabilityDefinition? definition, int? value) => (definition, value) switch
    {
        (null, _) => null,
        ({ Measure: null }, not null) => $"{definition.Name} is a yes/no capability: it takes no figure.",
        ({ Measure: { } measure }, null) => $"{definition.Name} is declared with a figure in {measure}: give the figure (0 to {MaxValue}).",
        ({ Measure: { } measure }, < 0 or > MaxValue) => $"The figure must be a whole number from 0 to {MaxValue} ({measure}).",
        _ => null,
    };

    /// <summary>
    /// The server-owned fields of the sent declarations (<c>declaredOn</c>, <c>evidence</c>) that differ from those
    /// stored for the same capability (field → message). A field left out is never at fault, so a listing fetched
    /// with GET can be sent back as it is; a new declaration may carry neither.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ServerOwnedMismatches(IReadOnlyList<CapabilityDeclaration> sent,
        IReadOnlyList<CapabilityDeclaration> stored, string? offeringId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var upload = offeringId is null
            ? "upload it once the offering is listed, with PUT /api/offerings/{id}/capabilities/{capability}/evidence"
            : $"upload it with PUT /api/offerings/{offeringId}/capabilities/{{capability}}/evidence";
        for (var i = 0; i < sent.Count; i++)
        {
            var kept = StoredFor(stored, sent[i].Capability);
            if (sent[i].DeclaredOn is { } date && date != kept?.DeclaredOn)
            {
                errors[Field(i, "declaredOn")] = [kept?.DeclaredOn is { } on
                    ? $"must be '{on:yyyy-MM-dd}' (or left out): the marketplace dates a declaration when its statement or figure changes."
                    : "must be left out: the marketplace dates a declaration when it is made."];
            }
            if (sent[i].Evidence is { } evidence && evidence != kept?.Evidence)
            {
                errors[Field(i, "evidence")] = [kept?.Evidence is { } file
                    ? $"must be the file recorded, {file.FileName} (or left out): {upload}."
                    : $"must be left out: {upload}."];
            }
        }
        return errors;
    }

    /// <summary>
    /// The declarations to store: each dated <paramref name="today"/> when it is new or its statement or figure
    /// changed, and keeping its date otherwise; each keeps the evidence file recorded for its capability.
    /// </summary>
    public static IReadOnlyList<CapabilityDeclaration> Stamp(IReadOnlyList<CapabilityDeclaration> sent, IReadOnlyList<CapabilityDeclaration> stored, DateOnly today) =>
        [.. sent.Select(declaration =>
        {
            var kept = StoredFor(stored, declaration.Capability);
            var unchanged = kept is not null && kept.Statement == declaration.Statement && kept.Value == declaration.Value;
            return declaration with { DeclaredOn = unchanged ? kept!.DeclaredOn : today, Evidence = kept?.Evidence };
        })];

    /// <summary>Which capabilities <paramref name="next"/> adds, changes and withdraws compared with <paramref name="before"/>.</summary>
    public static CapabilityChanges Compare(IReadOnlyList<CapabilityDeclaration> before, IReadOnlyList<CapabilityDeclaration> next) => new(
        [.. next.Where(d => StoredFor(before, d.Capability) is null).Select(d => d.Capability)],
        [.. next.Where(d => StoredFor(before, d.Capability) is { } old && old != d).Select(d => d.Capability)],
        [.. before.Where(d => StoredFor(next, d.Capability) is null).Select(d => d.Capability)]);

    /// <summary>The declaration of <paramref name="capability"/> among <paramref name="declarations"/>, or null.</summary>
    public static CapabilityDeclaration? StoredFor(IReadOnlyList<CapabilityDeclaration> declarations, string? capability) =>
        declarations.FirstOrDefault(d => d.Capability == capability);
}
