using Marketplace.Core.Standards;

namespace Marketplace.Core.Registers;

/// <summary>The <c>registerReference</c> of a new attestation: required for a register-route standard, refused for any other.</summary>
public static class RegisterReferences
{
    /// <summary>The field's name in requests and problems.</summary>
    public const string Field = "registerReference";

    /// <summary>
    /// Checks <paramref name="reference"/> against <paramref name="standard"/> (null when the standard is unknown: nothing
    /// to check). Returns the reference as stored (canonical) or the message for a 400 naming <see cref="Field"/>.
    /// </summary>
    public static (string? Reference, string? Error) Check(string? reference, Standard? standard)
    {
        if (standard is null)
        {
            return (null, null);
        }
        var register = PublicRegisters.ForStandard(standard.Code);
        var given = string.IsNullOrWhiteSpace(reference) ? null : PublicRegister.Canonical(reference);
        if (register is null || standard.Route != VerificationRoute.Register)
        {
            return given is null
                ? (null, null)
                : (null, $"Only register-route standards (DSPT, CQC, ICO-REG, MHRA-REG) take a register reference; {standard.Code} is confirmed by its {standard.Route} route.");
        }
        if (given is null)
        {
            return (null, $"Required for {standard.Code}: the reference the {register.Name} lists you under. {register.FormatMessage}");
        }
        return register.IsWellFormed(given) ? (given, null) : (null, $"{given} is not a {register.Name} reference. {register.FormatMessage}");
    }
}
