using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.Hosting;

/// <summary>
/// Checks settings against their attributes (and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>)
/// with validators generated at compile time: <c>ValidateDataAnnotations()</c> read the attributes by reflection at
/// every start, before the first answer (issue 15). A setting that breaks a rule still stops the app at start.
/// </summary>
public static class SettingsValidation
{
    /// <summary>Validates the settings with <typeparamref name="TValidator"/> when the host starts.</summary>
    public static OptionsBuilder<TOptions> ValidateOnStartWith<TOptions, TValidator>(this OptionsBuilder<TOptions> options)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return options.ValidateOnStart();
    }
}
