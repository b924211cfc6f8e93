using System.Text.Json.Serialization;
using Marketplace.Core.Attestations;

namespace Marketplace.Core.Catalogue;

/// <summary>
/// A supplier's declaration that one offering has a capability from <see cref="Capabilities"/>, with a short evidence
/// statement a commissioner can hold it to, and for a measured capability the declared figure. Part of the listing, so
/// every change makes a new offering version (the old one kept as history) and is audited with it.
/// </summary>
public sealed record CapabilityDeclaration
{
    /// <summary>Capability slug from the controlled vocabulary, e.g. <c>clinician-dashboard</c>.</summary>
    public required string Capability { get; init; }
    /// <summary>What backs the claim, in the supplier's words, 10–400 characters.</summary>
    public required string Statement { get; init; }
    /// <summary>The declared figure in the capability's <see cref="CapabilityDefinition.Measure"/>; required for a measured capability, absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Value { get; init; }
    /// <summary>Server-owned: the day the statement or figure was last changed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? DeclaredOn { get; init; }
    /// <summary>Server-owned: the evidence file uploaded for this declaration, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceFile? Evidence { get; init; }
}
