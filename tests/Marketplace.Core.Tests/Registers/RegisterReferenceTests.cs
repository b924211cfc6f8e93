using Marketplace.Core.Attestations;
using Marketplace.Core.Registers;
using Marketplace.Core.Standards;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Registers;

public sealed class RegisterReferenceTests
{
    private static readonly Standard Dspt = Marketplace.Core.Tests.Attestations.Fixtures.Dspt with { Route = VerificationRoute.Register };
    // Any other route will do; a declaration needs no certifier, so the register reference is the only thing at stake.
    private static readonly Standard Qsf = A2dReady with { Code = "TSA-QSF", Route = VerificationRoute.Declaration, Scope = ["organisation"] };

    private static AttestationDecision Create(Standard standard, string? reference) =>
        AttestationRules.Create(new AttestationRequest(standard.Code, null, "CERT-1", new DateOnly(2026, 10, 1), null, RegisterReference: reference),
            Supplier.Id, standard, null, null, "att-new", Today);

    [Fact]
    public void A_register_route_attestation_keeps_its_reference_in_the_registers_own_form()
    {
        var draft = Create(Dspt, " 8jk12 ").Next!;

        Assert.Equal("8JK12", draft.RegisterReference);
    }

    [Fact]
    public void A_register_route_attestation_without_a_reference_is_refused_naming_the_field_and_the_format()
    {
        var refused = Create(Dspt, null).ToFailure();

        var message = Assert.Single(refused.Errors[RegisterReferences.Field]);
        Assert.Contains("8JK12", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_reference_is_refused_with_the_expected_format()
    {
        var refused = Create(Dspt with { Code = "ICO-REG" }, "12345678").ToFailure();

        Assert.Contains("ZA123456", Assert.Single(refused.Errors[RegisterReferences.Field]), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_routes_refuse_a_register_reference_and_need_none()
    {
        Assert.Equal(RegisterReferences.Field, Create(Qsf, "8JK12").Refusal!.Field);
        Assert.Null(Create(Qsf, null).Next!.RegisterReference);
    }
}
