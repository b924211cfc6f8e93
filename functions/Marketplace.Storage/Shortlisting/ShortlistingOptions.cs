using System.ComponentModel.DataAnnotations;

namespace Marketplace.Storage.Shortlisting;

/// <summary>Settings of the shortlists' candidate store (configuration section <see cref="Section"/>).</summary>
public sealed class ShortlistingOptions
{
    public const string Section = "Shortlisting";

    /// <summary>Offerings kept decoded across lots; unset, what a quarter of the GC's memory holds (<see cref="CandidateProjection.KeptOfferingsFor"/>).</summary>
    [Range(1, long.MaxValue)]
    public long? KeptOfferings { get; set; }
}
