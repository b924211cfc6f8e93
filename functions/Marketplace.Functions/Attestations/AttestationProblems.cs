using Marketplace.Core.Attestations;
using Marketplace.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Functions.Attestations;

/// <summary>Maps the attestation rules' refusals to problem answers.</summary>
internal static class AttestationProblems
{
    public static ProblemHttpResult NotFound(string id) =>
        ProblemResults.Of(404, Problems.NotFound, "No such attestation.", $"There is no attestation {id}.");

    public static ProblemHttpResult NotReadable(string id) =>
        ProblemResults.Of(403, Problems.Forbidden, "Not yours to see.",
            $"Attestation {id} is visible to its supplier, validators of the supplier's associations, commissioners and admins.");

    public static ProblemHttpResult For(Refusal refusal) => refusal.Kind switch
    {
        RefusalKind.Forbidden => ProblemResults.Of(403, Problems.Forbidden, "Not allowed.", refusal.Message),
        RefusalKind.InvalidTransition => ProblemResults.Of(409, Problems.InvalidTransition, "Not allowed in the attestation's current state.", refusal.Message,
            new Dictionary<string, object?> { ["currentStatus"] = refusal.CurrentStatus, ["allowedActions"] = refusal.AllowedActions ?? [] }),
        RefusalKind.EvidenceRequired => ProblemResults.Of(409, Problems.EvidenceRequired, "Evidence is required.", refusal.Message),
        RefusalKind.Conflict => ProblemResults.Of(409, Problems.Conflict, "The attestation's state conflicts with the request.", refusal.Message),
        _ => Invalid([refusal]),
    };

    /// <summary>400 naming every field at fault.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<Refusal> refusals) => ProblemResults.Validation(
        refusals.GroupBy(r => r.Field ?? "")
            .ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));
}
