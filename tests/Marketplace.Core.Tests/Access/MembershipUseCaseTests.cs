using Marketplace.Core.Access;
using Marketplace.Core.Audit;
using Marketplace.Core.Organisations;
using Marketplace.Core.Outcomes;

namespace Marketplace.Core.Tests.Access;

/// <summary>The membership use cases' decisions: keys → existence → precondition → fields → version, every change audited.</summary>
public sealed class MembershipUseCaseTests
{
    private const string Tenant = "tenant-1";
    private static readonly Organisation Supplier = new() { Id = "downs-careline-systems", Kind = OrganisationKind.Supplier, Name = "Downs" };
    private static readonly Actor Admin = new("admin-1", null, new HashSet<MarketplaceRole> { MarketplaceRole.Admin });

    private sealed class Register : IMembershipRegister
    {
        public Dictionary<(string, string), (Membership Membership, string ETag)> Rows { get; } = [];
        private int version;

        public Task<(Membership Membership, string ETag)?> FindAsync(string tenantId, string objectId, CancellationToken ct) =>
            Task.FromResult(Rows.TryGetValue((tenantId, objectId), out var row) ? row : ((Membership, string)?)null);

        public Task<string?> AddAsync(Membership membership, CancellationToken ct)
        {
            if (Rows.ContainsKey((membership.TenantId, membership.ObjectId)))
            {
                return Task.FromResult<string?>(null);
            }
            return Task.FromResult<string?>((Rows[(membership.TenantId, membership.ObjectId)] = (membership, $"v{++version}")).ETag);
        }

        public Task<string?> ReplaceAsync(Membership membership, string ifMatch, CancellationToken ct) =>
            Task.FromResult<string?>(Rows.TryGetValue((membership.TenantId, membership.ObjectId), out var row) && row.ETag == ifMatch
                ? (Rows[(membership.TenantId, membership.ObjectId)] = (membership, $"v{++version}")).ETag
                : null);

        public Task<bool> DeleteAsync(string tenantId, string objectId, string ifMatch, CancellationToken ct) =>
            Task.FromResult(Rows.TryGetValue((tenantId, objectId), out var row) && row.ETag == ifMatch && Rows.Remove((tenantId, objectId)));
    }

    private sealed class Organisations : IOrganisations
    {
        public Task<Organisation?> FindAsync(string id, CancellationToken ct) => Task.FromResult(id == Supplier.Id ? Supplier : null);

        public Task<IReadOnlyList<Organisation>> ListAsync(string? kind, CancellationToken ct) => Task.FromResult<IReadOnlyList<Organisation>>([Supplier]);
    }

    private sealed class Audit : IAuditLog
    {
        public List<AuditEvent> Events { get; } = [];

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken ct)
        {
            Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ReadAsync(string subjectKind, string subjectId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events.Where(e => e.SubjectKind == subjectKind && e.SubjectId == subjectId)]);
    }

    private readonly Register register = new();
    private readonly Audit audit = new();

    private RecordMembership Record => new(register, new Organisations(), audit, TimeProvider.System);

    private static readonly MembershipRequest AsSupplier = new(Supplier.Id, "Supplier");

    [Fact]
    public async Task A_new_membership_is_created_without_If_Match_and_a_second_blind_one_needs_it()
    {
        var created = await Record.RunAsync(Admin, Tenant, "user-1", AsSupplier, null, CancellationToken.None);
        var blind = await Record.RunAsync(Admin, Tenant, "user-1", new MembershipRequest("nobody", null), null, CancellationToken.None);

        Assert.True(created.Value!.Created);
        Assert.Equal(FailureKind.PreconditionRequired, blind.Failure!.Kind);
        Assert.Equal(["create"], audit.Events.Select(e => e.Action));
    }

    [Fact]
    public async Task Changing_a_membership_that_does_not_exist_is_not_found_before_its_fields_are_judged() =>
        Assert.Equal(FailureKind.NotFound,
            (await Record.RunAsync(Admin, Tenant, "user-2", new MembershipRequest(null, null), "v1", CancellationToken.None)).Failure!.Kind);

    [Fact]
    public async Task A_GET_body_is_accepted_back_other_keys_are_refused_by_name_and_a_stale_version_before_either()
    {
        var created = (await Record.RunAsync(Admin, Tenant, "user-3", AsSupplier, null, CancellationToken.None)).Value!;
        var echoed = AsSupplier with { TenantId = Tenant, ObjectId = "user-3" };

        var early = await Record.RunAsync(Admin, Tenant, "user-3", echoed with { TenantId = "tenant-2" }, "stale", CancellationToken.None);
        var moved = await Record.RunAsync(Admin, Tenant, "user-3", echoed with { TenantId = "tenant-2" }, created.ETag, CancellationToken.None);
        var replaced = await Record.RunAsync(Admin, Tenant, "user-3", echoed, created.ETag, CancellationToken.None);
        var stale = await Record.RunAsync(Admin, Tenant, "user-3", echoed, created.ETag, CancellationToken.None);

        Assert.Equal(FailureKind.Stale, early.Failure!.Kind);
        Assert.Equal(["tenantId"], moved.Failure!.Errors.Keys);
        Assert.False(replaced.Value!.Created);
        Assert.Equal(FailureKind.Stale, stale.Failure!.Kind);
        Assert.Equal(["create", "replace"], audit.Events.Select(e => e.Action));
    }

    [Fact]
    public async Task Keys_that_cannot_be_Entra_ids_are_refused_by_name_first()
    {
        var refused = (await new GetMembership(register).RunAsync(Admin, "bad tenant", "user\u0001", CancellationToken.None)).Failure!;

        Assert.Equal(["tenantId", "objectId"], refused.Errors.Keys);
    }

    [Fact]
    public async Task Removing_needs_an_existing_membership_then_its_version_and_is_audited()
    {
        var remove = new RemoveMembership(register, audit, TimeProvider.System);
        var created = (await Record.RunAsync(Admin, Tenant, "user-4", AsSupplier, null, CancellationToken.None)).Value!;

        Assert.Equal(FailureKind.NotFound, (await remove.RunAsync(Admin, Tenant, "user-5", null, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.PreconditionRequired, (await remove.RunAsync(Admin, Tenant, "user-4", null, CancellationToken.None)).Failure!.Kind);
        Assert.Equal(FailureKind.Stale, (await remove.RunAsync(Admin, Tenant, "user-4", "v0", CancellationToken.None)).Failure!.Kind);
        Assert.True((await remove.RunAsync(Admin, Tenant, "user-4", created.ETag, CancellationToken.None)).Succeeded);
        Assert.Equal([("create", null, "Supplier for downs-careline-systems"), ("delete", "Supplier for downs-careline-systems", null)],
            audit.Events.Select(e => (e.Action, e.From, e.To)));
    }
}
