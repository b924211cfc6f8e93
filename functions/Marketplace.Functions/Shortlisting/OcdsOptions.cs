using System.ComponentModel.DataAnnotations;

namespace Marketplace.Functions.Shortlisting;

/// <summary>How OCDS exports identify their publisher (configuration section <c>Ocds</c>).</summary>
public sealed class OcdsOptions
{
    public const string Section = "Ocds";

    /// <summary>The OCID prefix registered with the Open Contracting Partnership (<c>ocds-</c> and six characters); the default marks data as not yet registered.</summary>
    [Required, RegularExpression("^ocds-[a-z0-9]{6}$", ErrorMessage = "Ocds:OcidPrefix must be 'ocds-' followed by six lower-case letters or digits.")]
    public string OcidPrefix { get; set; } = "ocds-tcmdev";

    /// <summary>The publisher named in every package.</summary>
    [Required, MinLength(1)]
    public string PublisherName { get; set; } = "Telecare Marketplace";
}

/// <summary>The OCDS settings' rules, checked by code generated at compile time (<see cref="Hosting.SettingsValidation"/>).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class OcdsOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<OcdsOptions>;
