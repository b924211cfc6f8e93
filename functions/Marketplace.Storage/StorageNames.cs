namespace Marketplace.Storage;

/// <summary>
/// Every table, container and queue name, in one place. A prefix lets tests give each class its own tables
/// in one Azurite; Bicep creates the unprefixed names.
/// </summary>
public sealed class StorageNames
{
    public StorageNames(string? prefix = null)
    {
        Prefix = prefix ?? "";
        if (Prefix.Length > 0 && !Prefix.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("A storage name prefix is lower-case letters only (table and queue rules).", nameof(prefix));
        }
    }

    public string Prefix { get; }

    public string OrganisationsTable => Table("organisations");
    public string OfferingsTable => Table("offerings");
    public string StandardsTable => Table("standards");
    public string AttestationsTable => Table("attestations");
    public string FrameworksTable => Table("frameworks");
    public string MembershipsTable => Table("memberships");
    public string AuditTable => Table("audit");
    public string UsersTable => Table("users");
    public string TemplatesTable => Table("templates");
    public string SpecificationsTable => Table("specifications");
    public string ShortlistsTable => Table("shortlists");
    public string AssessmentsTable => Table("assessments");
    public string RegisterImportsTable => Table("registerimports");
    public string AggregatesTable => Table("aggregates");
    public string CompetitionsTable => Table("competitions");
    /// <summary>One row per invited supplier and competition, so a supplier's invitations are found without reading every competition.</summary>
    public string CompetitionInvitationsTable => Table("competitioninvitations");
    /// <summary>Derived: what shortlists score, one partition per lot of a few packed rows (see <c>CandidateProjection</c>).</summary>
    public string CandidatesTable => Table("candidates");
    /// <summary>Derived, beside the candidates: the lots each active offering is in, and their count.</summary>
    public string CandidateLotsTable => Table("candidatelots");

    public string EvidenceContainer => Lower("evidence");
    public string RegisterSnapshotsContainer => Lower("register-snapshots");

    /// <summary>The ASP.NET Core Data Protection key ring every instance shares (cookies, antiforgery tokens).</summary>
    public string DataProtectionContainer => Lower("data-protection");

    public string SearchIndexUpdatesQueue => Lower("search-index-updates");
    public string RegisterImportsQueue => Lower("register-imports");
    public string AggregateUpdatesQueue => Lower("aggregate-updates");

    /// <summary>Where the Functions host (and the standalone runner) moves messages that failed every attempt.</summary>
    public static string PoisonQueueOf(string queueName) => queueName + "-poison";

    public IReadOnlyList<string> Tables =>
        [OrganisationsTable, OfferingsTable, StandardsTable, AttestationsTable, FrameworksTable, MembershipsTable, AuditTable, UsersTable,
         TemplatesTable, SpecificationsTable, ShortlistsTable, AssessmentsTable, RegisterImportsTable, AggregatesTable, CompetitionsTable,
         CompetitionInvitationsTable, CandidatesTable, CandidateLotsTable];

    public IReadOnlyList<string> Containers => [EvidenceContainer, DataProtectionContainer, RegisterSnapshotsContainer];

    public IReadOnlyList<string> Queues =>
        [SearchIndexUpdatesQueue, PoisonQueueOf(SearchIndexUpdatesQueue), RegisterImportsQueue, PoisonQueueOf(RegisterImportsQueue),
         AggregateUpdatesQueue, PoisonQueueOf(AggregateUpdatesQueue)];

    /// <summary>
    /// Created last by a complete provisioning and named after every name above, so a start that finds it in the table
    /// listing it asks for anyway knows that all of them exist and asks nothing more. A version that adds or renames a
    /// table, container or queue has another marker, so its first start checks and creates everything again.
    /// </summary>
    public string ProvisionedMarkerTable => Table("provisioned" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', [.. Tables, .. Containers, .. Queues]))), 0, 4));

    // Table names are alphanumeric only, so the prefix is glued on without a separator.
    private string Table(string name) => Prefix + name;

    private string Lower(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";
}
