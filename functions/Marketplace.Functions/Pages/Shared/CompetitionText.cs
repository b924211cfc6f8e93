using Marketplace.Core.CallOffs;

namespace Marketplace.Functions.Pages.Shared;

/// <summary>A further competition's status and process in words, as commissioners' and suppliers' pages show them.</summary>
public static class CompetitionText
{
    public static string Status(string status) => status switch
    {
        CompetitionStatus.Open => "Open for responses",
        CompetitionStatus.Closed => "Closed: scoring",
        CompetitionStatus.Standstill => "Standstill",
        CompetitionStatus.Awarded => "Awarded",
        _ => "Contracted",
    };

    public static string Process(string process) => process == CallOffProcess.PsrCompetitive
        ? "Provider Selection Regime competitive process"
        : "Further competition under the framework (Procurement Act 2023 s.46)";
}
