using System.Globalization;

namespace Marketplace.CatalogueGenerator;

/// <summary>
/// Builds a fictional but realistic catalogue from a fixed seed: the same options always give the same documents,
/// byte for byte once written. 300 offerings is the committed seed (catalogue-seed/); larger counts scale the
/// suppliers (about one per seven offerings) for benchmarks.
/// </summary>
public sealed class CatalogueGenerator
{
    public const int SeedOfferings = 300;
    public const int MinimumOfferings = 120;
    public const int MaximumOfferings = 999_999;

    /// <summary>Fixed seed of the committed catalogue (a nod to 3millionlives).</summary>
    public const int DefaultSeed = 3_000_000;

    /// <summary>The "today" of the seed: attestation dates are spread around it.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly int offerings;
    private readonly int seed;

    public CatalogueGenerator(int offerings = SeedOfferings, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offerings, MinimumOfferings);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offerings, MaximumOfferings);
        this.offerings = offerings;
        this.seed = seed;
    }

    /// <summary>At least 40 suppliers, otherwise one per seven offerings.</summary>
    public static int SupplierCountFor(int offerings) => Math.Max(40, (offerings + 6) / 7);

    public Catalogue Generate() => new CatalogueBuild(offerings, new Random(seed)).Run();

    /// <summary>Generates the catalogue and writes its seven files into <paramref name="folder"/>.</summary>
    public Catalogue WriteTo(string folder)
    {
        var catalogue = Generate();
        CatalogueJson.WriteFiles(catalogue, folder);
        RegisterChecks.WriteSnapshots(catalogue, folder);
        return catalogue;
    }
}

internal sealed record SupplierDraft(int Index, string Id, string Name, string Brand, SupplierProfile Profile, string Region, IReadOnlyList<string> Memberships);

internal sealed class CatalogueBuild(int offeringCount, Random rng)
{
    private static readonly DateOnly Today = CatalogueGenerator.Today;
    private readonly List<SupplierDraft> suppliers = [];
    private readonly HashSet<string> supplierNames = new(StringComparer.Ordinal);

    // Its own generator, seeded from a constant (the year 3millionlives launched), so that adding commitments
    // changed no other record the shared rng draws.
    private readonly Random commitments = new(2012);

    /// <summary>The four trade associations that launched 3millionlives with the Department of Health (DOMAIN.md).</summary>
    private static readonly string[] ThreeMillionLivesAssociations = [Associations.Tsa, Associations.Abhi, Associations.TechUk, Associations.Medilink];

    public Catalogue Run()
    {
        var supplierCount = CatalogueGenerator.SupplierCountFor(offeringCount);
        var placeOrder = Enumerable.Range(0, Names.Places.Length).ToArray();
        rng.Shuffle(placeOrder);
        var profileCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < supplierCount; i++)
        {
            var profile = SupplierProfiles.Cycle[i % SupplierProfiles.Cycle.Length];
            var k = profileCounts[profile.Name] = profileCounts.GetValueOrDefault(profile.Name) + 1;
            suppliers.Add(NewSupplier(i, profile, k - 1, Names.Places[placeOrder[i % placeOrder.Length]]));
        }

        var offerings = PlanOfferings();
        var framework = Frameworks.Build(suppliers, offerings, rng);
        var lotsFor = Frameworks.LotsFor(framework);
        offerings = [.. offerings.Select(o => o with { Lots = lotsFor(o) })];
        var attestations = new Attestations(rng).Build(suppliers, offerings);
        // A separate generator, so the users drawn from rng afterwards stay as they were.
        attestations = new Attestations(new Random(129)).AddTelehealthClinicalSafety(suppliers, offerings, attestations);
        offerings = BuyerAssessments.WithProductVersions(offerings);
        offerings = CapabilityDeclarations.Declare(suppliers, offerings);
        attestations = BuyerAssessments.DeclareClinicalSafety(suppliers, offerings, BuyerAssessments.WithoutBuyerAssessed(attestations));
        attestations = RegisterChecks.Apply(attestations);
        attestations = EquivalentClaims.Add(suppliers, offerings, attestations);
        attestations = StatutoryRegistrations.Add(suppliers, offerings, attestations);

        var organisations = new List<Organisation>(Associations.Documents);
        organisations.AddRange(Commissioners.Documents);
        organisations.AddRange(suppliers.Select(ToDocument));
        // After the suppliers, so that the users drawn for every other organisation stay as they were.
        organisations.AddRange(Certifiers.Documents);

        var users = Users(organisations);
        return new Catalogue(organisations, StandardsRegister.Documents, offerings, [framework], attestations, users)
        {
            Assessments = BuyerAssessments.Build(offerings, attestations, organisations, users),
        };
    }

    private SupplierDraft NewSupplier(int index, SupplierProfile profile, int k, string place)
    {
        var core = profile.NameCores[(k / Names.Places.Length + k) % profile.NameCores.Length];
        var region = PickRegion();
        var name = $"{place} {core}";
        if (!supplierNames.Add(name))
        {
            name = $"{place} {core} ({Regions.Title(region).Replace("the ", "", StringComparison.Ordinal)})";
            for (var n = 2; !supplierNames.Add(name); n++)
            {
                name = $"{place} {core} {n.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        var memberships = new List<string>(profile.CoreMemberships);
        foreach (var optional in profile.OptionalMemberships)
        {
            var regionalFits = optional != Associations.Regional || region is "north-east-and-yorkshire" or "north-west";
            if (memberships.Count < 3 && regionalFits && rng.NextDouble() < 0.4)
            {
                memberships.Add(optional);
            }
        }

        return new SupplierDraft(index, Slug.From(name), name, place, profile, region, memberships);
    }

    private string PickRegion()
    {
        var roll = rng.Next(100);
        return roll switch
        {
            < 7 => "scotland",
            < 12 => "wales",
            < 16 => "northern-ireland",
            _ => Regions.England[rng.Next(Regions.England.Length)],
        };
    }

    private Organisation ToDocument(SupplierDraft s)
    {
        var legal = s.Profile == SupplierProfiles.Consultancy && s.Index % 2 == 1 ? "LLP" : s.Index % 9 == 4 ? "Limited" : "Ltd";
        var companyNumber = legal == "LLP"
            ? $"OC{rng.Next(300000, 450000).ToString(CultureInfo.InvariantCulture)}"
            : s.Region switch
            {
                "scotland" => $"SC{rng.Next(200000, 800000).ToString(CultureInfo.InvariantCulture)}",
                "northern-ireland" => $"NI{rng.Next(600000, 700000).ToString(CultureInfo.InvariantCulture)}",
                _ => rng.Next(2, 16).ToString("00", CultureInfo.InvariantCulture) + rng.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture),
            };
        return new Organisation
        {
            Id = s.Id,
            Kind = "supplier",
            Name = $"{s.Name} {legal}",
            Summary = $"{s.Profile.Summary}. Based in {Regions.Title(s.Region)}.",
            Website = $"https://www.{s.Id}.example/",
            ContactEmail = $"{(s.Index % 3 == 0 ? "tenders" : s.Index % 3 == 1 ? "bids" : "sales")}@{s.Id}.example",
            Region = s.Region,
            CompanyNumber = companyNumber,
            Sme = IsSme(s),
            Memberships = s.Memberships,
            Commitments = Commitment(s),
        };
    }

    /// <summary>
    /// Most telecare and telehealth suppliers are small or medium-sized; about one in five here is large. Decided from the
    /// supplier's position, not the random generator, so adding the flag changed no other generated value.
    /// </summary>
    private static bool IsSme(SupplierDraft s) => s.Index % 5 != 2;

    /// <summary>
    /// About two in five suppliers signed the 3millionlives statement in 2012–13; one of their associations that
    /// launched it vouches for them. Suppliers only in the regional network have no one to vouch and sign nothing.
    /// </summary>
    private List<SupplierCommitment>? Commitment(SupplierDraft s)
    {
        var founders = s.Memberships.Where(ThreeMillionLivesAssociations.Contains).ToList();
        if (founders.Count == 0 || commitments.NextDouble() >= 0.4)
        {
            return null;
        }
        return
        [
            new SupplierCommitment
            {
                Commitment = "3millionlives",
                VouchedBy = founders[commitments.Next(founders.Count)],
                SignedOn = new DateOnly(2012, 2, 1).AddDays(commitments.Next(0, 700)),
            },
        ];
    }

    /// <summary>
    /// Every category gets its minimum first (3 each, 12 fall detectors), given to the least-loaded supplier that sells it;
    /// the rest is shared between suppliers by random size, each drawing categories it sells.
    /// </summary>
    private List<Offering> PlanOfferings()
    {
        var plan = suppliers.Select(_ => new List<CategorySpec>()).ToList();
        foreach (var category in Categories.All)
        {
            var minimum = category.Slug == "fall-detector" ? 12 : 3;
            var eligible = suppliers.Where(s => s.Profile.Categories.Contains(category.Slug)).ToList();
            for (var j = 0; j < minimum; j++)
            {
                var fewest = eligible.Min(s => plan[s.Index].Count);
                var candidates = eligible.Where(s => plan[s.Index].Count == fewest).ToList();
                plan[candidates[rng.Next(candidates.Count)].Index].Add(category);
            }
        }

        // Every supplier lists at least one offering; the rest is shared by random weight.
        var quotas = plan.Select(p => p.Count == 0 ? 1 : 0).ToArray();
        var remaining = offeringCount - plan.Sum(p => p.Count) - quotas.Sum();
        var weights = suppliers.Select(s => s.Profile.Size * (0.4 + (rng.NextDouble() * 1.6))).ToArray();
        var total = weights.Sum();
        var shares = weights.Select(w => remaining * w / total).ToArray();
        for (var i = 0; i < quotas.Length; i++)
        {
            quotas[i] += (int)Math.Floor(shares[i]);
        }

        var leftover = offeringCount - plan.Sum(p => p.Count) - quotas.Sum();
        foreach (var i in Enumerable.Range(0, quotas.Length).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(leftover))
        {
            quotas[i]++;
        }

        var offerings = new List<Offering>(offeringCount);
        var factory = new OfferingFactory(rng);
        foreach (var s in suppliers)
        {
            var categories = plan[s.Index];
            for (var q = 0; q < quotas[s.Index]; q++)
            {
                categories.Add(WeightedCategory(s.Profile));
            }

            foreach (var category in categories)
            {
                offerings.Add(factory.Create(offerings.Count + 1, s, category));
            }
        }

        return offerings;
    }

    private readonly Dictionary<SupplierProfile, CategorySpec[]> specsByProfile = [];

    private CategorySpec WeightedCategory(SupplierProfile profile)
    {
        if (!specsByProfile.TryGetValue(profile, out var specs))
        {
            specsByProfile[profile] = specs = [.. profile.Categories.Select(Categories.Get)];
        }

        var roll = rng.Next(specs.Sum(c => c.Weight));
        foreach (var spec in specs)
        {
            if ((roll -= spec.Weight) < 0)
            {
                return spec;
            }
        }

        return specs[^1];
    }

    private List<SeedUser> Users(IReadOnlyList<Organisation> organisations)
    {
        var users = new List<SeedUser>
        {
            new()
            {
                Id = "usr-000001",
                DisplayName = "Marketplace Administrator",
                Email = "admin@telecare-marketplace.example",
                Role = "Admin",
            },
        };
        foreach (var organisation in organisations)
        {
            var first = Names.FirstNames[rng.Next(Names.FirstNames.Length)];
            var last = Names.Surnames[rng.Next(Names.Surnames.Length)];
            var local = $"{first}.{last}".ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
            users.Add(new SeedUser
            {
                Id = $"usr-{(users.Count + 1).ToString("000000", CultureInfo.InvariantCulture)}",
                DisplayName = $"{first} {last}",
                Email = $"{local}@{organisation.Id}.example",
                Role = organisation.Kind switch
                {
                    "supplier" => "Supplier",
                    "association" => "Association",
                    "certifier" => "Certifier",
                    _ => "Commissioner",
                },
                OrganisationId = organisation.Id,
            });
        }

        return users;
    }
}

internal static class Slug
{
    public static string From(string text)
    {
        var chars = new List<char>(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Add(c);
            }
            else if (chars.Count > 0 && chars[^1] != '-')
            {
                chars.Add('-');
            }
        }

        var slug = new string([.. chars]).Trim('-');
        return slug.Length <= 64 ? slug : slug[..64].TrimEnd('-');
    }
}
