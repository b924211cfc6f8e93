namespace Marketplace.Storage.Attestations;

/// <summary>
/// Whether evidence files wait for Microsoft Defender for Storage's malware scan before anyone may open them
/// (configuration section <c>Evidence</c>). On by default, as in Azure; switched off only in Development, where no
/// scanner runs (tests switch it on and write the scanner's tag on Azurite themselves).
/// </summary>
public sealed class EvidenceScanningOptions
{
    public const string Section = "Evidence";

    /// <summary>Serve a file only once its scan-result tag says no threat was found.</summary>
    public bool MalwareScanning { get; set; } = true;
}
