namespace Marketplace.Core.Access;

/// <summary>The known users (seeded profiles) that development sign-in lets a person act as.</summary>
public interface IUserProfiles
{
    /// <summary>Every known user.</summary>
    Task<IReadOnlyList<UserProfile>> ListAsync(CancellationToken ct);

    /// <summary>The user with this id, or null (a malformed id is simply not found).</summary>
    Task<UserProfile?> FindAsync(string id, CancellationToken ct);
}
