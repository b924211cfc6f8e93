namespace Marketplace.Core.Shortlisting;

/// <summary>Published key-requirements templates: every version is kept and never changed.</summary>
public interface ITemplates
{
    /// <summary>Every version of one template, oldest first (empty for an unknown id).</summary>
    Task<IReadOnlyList<KeyRequirementsTemplate>> VersionsOfAsync(string templateId, CancellationToken ct);

    /// <summary>The latest version of each template, by id.</summary>
    Task<IReadOnlyList<KeyRequirementsTemplate>> LatestAsync(CancellationToken ct);

    /// <summary>Adds a version; false when that version exists already.</summary>
    Task<bool> AddAsync(KeyRequirementsTemplate template, CancellationToken ct);
}
