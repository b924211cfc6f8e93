namespace Marketplace.Core.Assessments;

/// <summary>
/// What a commissioner sends to record its assessment (<c>POST /api/offerings/{id}/assessments</c>,
/// <c>schemas/buyer-assessment-request.schema.json</c>): the standard, the product version it looked at (refused when
/// the listing has moved on), the DTAC areas or the NICE ESF tier, and notes.
/// </summary>
public sealed record BuyerAssessmentRequest
{
    /// <summary><c>DTAC</c> or <c>NICE-ESF</c>.</summary>
    public string? StandardCode { get; init; }
    /// <summary>The version the commissioner assessed; when sent, it must be the offering's current version.</summary>
    public string? ProductVersion { get; init; }
    /// <summary>The DTAC areas (DTAC only).</summary>
    public DtacResult? Dtac { get; init; }
    /// <summary>The NICE ESF tier (NICE-ESF only).</summary>
    public NiceEsfResult? NiceEsf { get; init; }
    /// <summary>Overall notes.</summary>
    public string? Notes { get; init; }
}
