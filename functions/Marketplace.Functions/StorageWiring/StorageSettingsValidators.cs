using Marketplace.Storage;
using Marketplace.Storage.Shortlisting;
using Microsoft.Extensions.Options;

namespace Marketplace.Functions.StorageWiring;

// The storage settings' rules, checked by code generated at compile time (see Hosting.SettingsValidation).

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

[OptionsValidator]
internal sealed partial class ShortlistingOptionsValidator : IValidateOptions<ShortlistingOptions>;
