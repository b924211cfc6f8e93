using Marketplace.Core.Assessments;
using Marketplace.Storage.Assessments;
using Marketplace.Storage.Shortlisting;

namespace Marketplace.Functions.Assessments;

/// <summary>Composition: buyer assessments' use cases and the table behind their port.</summary>
public static class AssessmentsFeature
{
    public static WebApplicationBuilder AddAssessments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IBuyerAssessments>(sp => new TableBuyerAssessments(sp.GetRequiredService<ShortlistingTables>().Assessments));
        services.AddSingleton<RecordBuyerAssessment>();
        services.AddSingleton<ListBuyerAssessments>();
        services.AddSingleton<UploadAssessmentEvidence>();
        return builder;
    }
}
