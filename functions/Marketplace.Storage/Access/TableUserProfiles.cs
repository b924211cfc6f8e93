using Marketplace.Core;
using Marketplace.Core.Access;
using Marketplace.Storage.Catalogue;

namespace Marketplace.Storage.Access;

/// <summary>The seeded user profiles, from the users table.</summary>
public sealed class TableUserProfiles(CatalogueTables tables) : IUserProfiles
{
    public async Task<IReadOnlyList<UserProfile>> ListAsync(CancellationToken ct)
    {
        var users = new List<UserProfile>();
        await foreach (var user in tables.Users.ListAsync(null, ct))
        {
            users.Add(user);
        }
        return users;
    }

    public async Task<UserProfile?> FindAsync(string id, CancellationToken ct) =>
        Ids.IsId(id) ? (await tables.Users.FindAsync(id, ct))?.Document : null;
}
