using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Security.KeyVault.Certificates;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Marketplace.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Functions.StorageWiring;

/// <summary>Where the shared key ring's keys are protected at rest: a certificate in Key Vault (in Azure).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>The Key Vault holding the certificate; unset locally, where Azurite holds the keys unencrypted.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>The certificate's name in that vault.</summary>
    public string CertificateName { get; set; } = "data-protection";
}

/// <summary>
/// One Data Protection key ring for every instance: Flex Consumption runs several and scales to zero, so a sign-in
/// cookie or antiforgery token issued by one instance must open on any other, and after a restart.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>The application name every instance shares (it isolates our payloads from other apps' on the same keys).</summary>
    public const string ApplicationName = "telecare-marketplace";

    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<BlobServiceClient, StorageNames, ILoggerFactory>((o, blobs, names, logs) =>
            o.XmlRepository = new BlobKeyRepository(blobs.GetBlobContainerClient(names.DataProtectionContainer).GetBlobClient(BlobKeyRepository.BlobName),
                logs.CreateLogger<BlobKeyRepository>()));
        if (options.KeyVaultUri is { } vault)
        {
            builder.Services.AddAzureClients(clients => clients.AddCertificateClient(vault));
            builder.Services.ProtectKeyRingWith(
                sp => sp.GetRequiredService<CertificateClient>().DownloadCertificate(options.CertificateName).Value,
                (sp, thumbprint) => EarlierVersion(sp.GetRequiredService<CertificateClient>(), options.CertificateName, thumbprint));
        }
        return builder;
    }

    /// <summary>
    /// Data Protection reads the key ring from Blob storage in a hosted service before the app listens; only pages'
    /// antiforgery and the sign-in cookie use it, so it is read on their first use instead, off the cold start. Call
    /// last: every <c>AddDataProtection()</c> (sign-in adds it again) registers the hosted service anew.
    /// </summary>
    public static IServiceCollection ReadKeyRingOnFirstUse(this IServiceCollection services)
    {
        var warmUp = services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        warmUp.ForEach(d => services.Remove(d));
        return services;
    }

    /// <summary>
    /// Encrypts the key ring's keys at rest to the certificate <paramref name="current"/> gives (fetched on first use);
    /// keys encrypted to an earlier certificate (before Key Vault renewed it) open with the one
    /// <paramref name="byThumbprint"/> finds.
    /// </summary>
    public static IServiceCollection ProtectKeyRingWith(this IServiceCollection services, Func<IServiceProvider, X509Certificate2> current,
        Func<IServiceProvider, string, X509Certificate2?>? byThumbprint = null)
    {
        services.AddSingleton(sp => new KeyRingCertificate(() => current(sp), thumbprint => byThumbprint?.Invoke(sp, thumbprint)));
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingCertificate>((o, certificate) => o.XmlEncryptor = new KeyRingCertificateEncryptor(certificate));
        return services;
    }

    // Key Vault keeps every version of a renewed certificate; the one whose thumbprint the key names is the one to use.
    private static X509Certificate2? EarlierVersion(CertificateClient client, string name, string thumbprint) =>
        client.GetPropertiesOfCertificateVersions(name)
            .Where(v => v.X509Thumbprint is { } t && Convert.ToHexString(t).Equals(thumbprint, StringComparison.OrdinalIgnoreCase))
            .Select(v => client.DownloadCertificate(name, v.Version).Value)
            .FirstOrDefault();
}

/// <summary>
/// The certificate that protects the key ring at rest, fetched on first use rather than at start-up (the Functions host
/// waits for the first answer on "/", and most requests never touch the key ring).
/// </summary>
public sealed class KeyRingCertificate(Func<X509Certificate2> fetch, Func<string, X509Certificate2?> byThumbprint)
{
    private readonly Lazy<X509Certificate2> certificate = new(fetch);
    private readonly ConcurrentDictionary<string, X509Certificate2?> earlier = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The current certificate: new keys are encrypted to it.</summary>
    public X509Certificate2 Value => certificate.Value;

    /// <summary>The certificate a key was encrypted to, current or earlier; null when none has that thumbprint.</summary>
    public X509Certificate2? WithThumbprint(string thumbprint) =>
        Value.Thumbprint.Equals(thumbprint, StringComparison.OrdinalIgnoreCase) ? Value : earlier.GetOrAdd(thumbprint, byThumbprint);
}

/// <summary>
/// Encrypts each new key to the certificate (XML Encryption, as Data Protection's own certificate encryptor does) and
/// names <see cref="KeyRingCertificateDecryptor"/> to open it, so the certificate need not be in a machine store.
/// </summary>
public sealed class KeyRingCertificateEncryptor(KeyRingCertificate certificate) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var encrypted = new CertificateXmlEncryptor(certificate.Value, NullLoggerFactory.Instance).Encrypt(plaintextElement);
        return new EncryptedXmlInfo(encrypted.EncryptedElement, typeof(KeyRingCertificateDecryptor));
    }
}

/// <summary>Opens keys encrypted by <see cref="KeyRingCertificateEncryptor"/> with the same certificate's private key.</summary>
public sealed class KeyRingCertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificates = services.GetRequiredService<KeyRingCertificate>();
        var document = new XmlDocument { PreserveWhitespace = true };
        // The element is wrapped so the decrypted result replaces a child, not the document element.
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new WithCertificate(document, certificates).DecryptDocument();
        return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
    }

    // EncryptedXml looks certificates up in the machine's stores; this one asks Key Vault for the one the key names.
    private sealed class WithCertificate(XmlDocument document, KeyRingCertificate certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var named = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates?.OfType<X509Certificate2>() ?? []).FirstOrDefault();
            var certificate = named is null ? certificates.Value : certificates.WithThumbprint(named.Thumbprint)
                ?? throw new CryptographicException($"No version of the key ring certificate has thumbprint {named.Thumbprint}.");
            using var rsa = certificate.GetRSAPrivateKey()
                ?? throw new CryptographicException("The key ring certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}

/// <summary>
/// The key ring as one XML blob. Data Protection calls these synchronously and rarely (at first use, then when a key
/// is due to roll, about every 90 days). Two instances may add a key at once: each write is conditional on the ETag
/// it read, and the loser reads again and adds its key to the winner's, so no key is ever lost.
/// </summary>
public sealed partial class BlobKeyRepository(BlobClient blob, ILogger<BlobKeyRepository> logger) : IXmlRepository
{
    public const string BlobName = "keys.xml";
    private const int MaxAttempts = 10;

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Read().Ring.Elements()];

    public void StoreElement(XElement element, string friendlyName)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (ring, etag) = Read();
            ring.Add(element);
            try
            {
                blob.Upload(BinaryData.FromString(ring.ToString(SaveOptions.DisableFormatting)), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
                    Conditions = etag is { } current ? new BlobRequestConditions { IfMatch = current } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                });
                LogStored(friendlyName, attempt);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another instance wrote first: read its ring and add ours to it.
            }
            catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "ContainerNotFound" && attempt < MaxAttempts)
            {
                // Provisioning creates the container, but the key ring may be needed before it has run.
                blob.GetParentBlobContainerClient().CreateIfNotExists();
            }
        }
    }

    private (XElement Ring, ETag? ETag) Read()
    {
        try
        {
            var content = blob.DownloadContent();
            return (XElement.Parse(content.Value.Content.ToString()), content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new XElement("repository"), null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection key {Key} added to the shared key ring (attempt {Attempt})")]
    private partial void LogStored(string key, int attempt);
}
