using Marketplace.Core.Registers;

namespace Marketplace.Core.Tests.Registers;

public sealed class RegisterMatchingTests
{
    [Theory]
    [InlineData("Downs Careline Systems Ltd", "DOWNS CARELINE SYSTEMS LIMITED")]
    [InlineData("Downs Careline Systems Ltd.", "downs careline systems")]
    [InlineData("St John's Telecare (North) Limited", "ST JOHNS TELECARE NORTH LTD")]
    [InlineData("Pennine Care & Repair Ltd", "Pennine Care and Repair Limited")]
    [InlineData("  Solent   Telehealth-Services Ltd ", "Solent Telehealth Services")]
    public void Names_match_whatever_their_case_punctuation_spacing_and_company_suffix(string register, string marketplace) =>
        Assert.True(RegisterNames.Match(register, marketplace));

    [Theory]
    [InlineData("Downs Careline Systems Ltd", "Downs Careline Ltd")]
    [InlineData("Downs Careline Systems Ltd", "Downs Careline Systems (Wales) Ltd")]
    [InlineData("Limited", "")]
    [InlineData("", "")]
    public void Different_or_empty_names_do_not_match(string register, string marketplace) =>
        Assert.False(RegisterNames.Match(register, marketplace));

    [Fact]
    public void A_name_that_is_only_a_suffix_keeps_it() => Assert.Equal("limited", RegisterNames.Normalise("Limited"));

    [Theory]
    [InlineData("Standards Met", true)]
    [InlineData("standards exceeded", true)]
    [InlineData(" Standards Met ", true)]
    [InlineData("Approaching Standards", false)]
    [InlineData("Standards Not Met", false)]
    [InlineData("Not Published", false)]
    [InlineData("", false)]
    public void Only_standards_met_or_exceeded_count_on_the_DSPT(string status, bool counts) =>
        Assert.Equal(counts, PublicRegisters.Dspt.Counts(status));

    [Fact]
    public void The_other_registers_count_only_registered_rows()
    {
        foreach (var register in new[] { PublicRegisters.Cqc, PublicRegisters.Ico, PublicRegisters.Mhra })
        {
            Assert.True(register.Counts("Registered"));
            Assert.False(register.Counts("Deregistered"));
            Assert.False(register.Counts("Standards Met"));
        }
    }

    [Theory]
    [InlineData("dspt", "8JK12", true)]
    [InlineData("dspt", "rx1", true)]
    [InlineData("dspt", "A81001", true)]
    [InlineData("dspt", "8JK12-2026", false)]
    [InlineData("dspt", "8J", false)]
    [InlineData("cqc", "1-123456789", true)]
    [InlineData("cqc", "1-10164182612", true)]
    [InlineData("cqc", "1-12345", false)]
    [InlineData("cqc", "123456789", false)]
    [InlineData("ico", "ZA123456", true)]
    [InlineData("ico", "z1234567", true)]
    [InlineData("ico", "ZA12345", false)]
    [InlineData("ico", "A1234567", false)]
    [InlineData("mhra", "MHRA-GB-123456", true)]
    [InlineData("mhra", "CA016789", true)]
    [InlineData("mhra", "MHRA", false)]
    [InlineData("mhra", "-12345", false)]
    public void References_have_their_registers_shape(string register, string reference, bool wellFormed) =>
        Assert.Equal(wellFormed, PublicRegisters.BySlug(register)!.IsWellFormed(reference));

    [Fact]
    public void Each_register_names_its_standard_and_needs_its_key_columns()
    {
        Assert.Equal(["DSPT", "CQC", "ICO-REG", "MHRA-REG"], PublicRegisters.All.Select(r => r.StandardCode));
        Assert.All(PublicRegisters.All, r =>
        {
            Assert.Same(r, PublicRegisters.ForStandard(r.StandardCode));
            Assert.Contains(r.ReferenceColumn, r.Columns);
            Assert.Contains(r.NameColumn, r.Columns);
            Assert.Contains(r.StatusColumn, r.Columns);
            Assert.True(r.IsWellFormed(r.ReferenceExample));
        });
        Assert.Null(PublicRegisters.ForStandard("TSA-QSF"));
        Assert.True(PublicRegisters.Mhra.MatchesProductName);
    }
}
