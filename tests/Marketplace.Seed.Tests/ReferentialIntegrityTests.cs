namespace Marketplace.Seed.Tests;

public sealed class ReferentialIntegrityTests
{
    private static CatalogueFiles Seed => Repository.SeedFiles;

    private static void None(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, CatalogueChecks.Report(list));
    }

    [Fact]
    public void Ids_are_unique_in_every_file() => None(CatalogueChecks.UniqueIds(Seed));

    [Fact]
    public void Every_offering_belongs_to_a_supplier_and_every_supplier_lists_offerings() => None(CatalogueChecks.OfferingSuppliers(Seed));

    [Fact]
    public void Every_supplier_belongs_to_one_to_three_existing_associations() => None(CatalogueChecks.Memberships(Seed));

    [Fact]
    public void Every_commitment_is_vouched_for_by_one_of_the_suppliers_associations() => None(CatalogueChecks.Commitments(Seed));

    [Fact]
    public void Certification_bodies_are_accredited_for_certifier_route_standards_only_and_associations_validate_nothing() => None(CatalogueChecks.CertifiersAreAccredited(Seed));

    [Fact]
    public void Every_attestation_names_an_existing_supplier_standard_and_an_offering_of_that_supplier() => None(CatalogueChecks.AttestationReferences(Seed));

    [Fact]
    public void Every_attestation_is_at_a_level_its_standard_allows() => None(CatalogueChecks.AttestationScope(Seed));

    [Fact]
    public void A_certifier_accredited_for_the_standard_decides_declarations_are_declared_and_no_association_decides_them() => None(CatalogueChecks.Decisions(Seed));

    [Fact]
    public void Attestation_dates_are_coherent_with_status_validity_and_today() => None(CatalogueChecks.AttestationDates(Seed));

    [Fact]
    public void Attestations_to_standards_that_require_evidence_carry_some() => None(CatalogueChecks.EvidenceWhereRequired(Seed));

    [Fact]
    public void Framework_lot_suppliers_exist_and_sell_in_the_lot() => None(CatalogueChecks.FrameworkLots(Seed));

    [Fact]
    public void Offerings_are_listed_only_in_lots_that_cover_them_and_admit_their_supplier() => None(CatalogueChecks.OfferingLots(Seed));

    [Fact]
    public void Every_user_acts_for_an_organisation_of_the_kind_their_role_needs() => None(CatalogueChecks.Users(Seed));
}
