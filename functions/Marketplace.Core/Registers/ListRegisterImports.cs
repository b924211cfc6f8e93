using Marketplace.Core.Access;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Registers;

/// <summary>An Admin follows the register imports: newest snapshot first, with status, message and counts.</summary>
public sealed class ListRegisterImports(IRegisterImports imports)
{
    /// <summary>Every import; 403 for anyone but an Admin.</summary>
    public async Task<Outcome<IReadOnlyList<RegisterImport>>> RunAsync(Actor actor, CancellationToken ct) =>
        actor.Has(MarketplaceRole.Admin)
            ? Outcome.Of(await imports.ListAsync(ct))
            : Failure.Forbidden("Admins only.", "Only an Admin sees register imports.");
}
