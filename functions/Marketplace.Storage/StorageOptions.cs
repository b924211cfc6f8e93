using System.ComponentModel.DataAnnotations;

namespace Marketplace.Storage;

/// <summary>
/// Where the storage account is. Locally a connection string (Azurite); in Azure the three service endpoints,
/// reached with the app's managed identity, so no key is ever configured.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public Uri? TableUri { get; set; }
    public Uri? BlobUri { get; set; }
    public Uri? QueueUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield break;
        }
        if (TableUri is null || BlobUri is null || QueueUri is null)
        {
            yield return new ValidationResult(
                "Set Storage:ConnectionString, or all of Storage:TableUri, Storage:BlobUri and Storage:QueueUri.",
                [nameof(ConnectionString), nameof(TableUri), nameof(BlobUri), nameof(QueueUri)]);
        }
    }
}
