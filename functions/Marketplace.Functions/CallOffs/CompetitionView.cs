using Marketplace.Core.Access;
using Marketplace.Core.CallOffs;

namespace Marketplace.Functions.CallOffs;

/// <summary>A clarification as every invitee sees it: the question and the published answer, never who asked.</summary>
public sealed record PublishedQuestion(string Id, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

/// <summary>
/// A competition as one caller may see it. Everyone it is shown to sees the specification, criteria and weights,
/// deadline, status and anonymised clarifications. The commissioner (and an Admin) also see the invitations and how
/// many responses arrived, never their content (that is <c>GET …/responses</c>, after the deadline), then the scores
/// and the assessment of every participant. An invited supplier sees when its own response arrived and, after the
/// award decision, its own assessment summary and the winner's name.
/// </summary>
public sealed record CompetitionView(
    string Id, string Title, string Description, string CommissionerId, string CommissionerName, string Regime, string Process, string FrameworkReference, string LotId,
    string MainProcurementCategory, IReadOnlyList<CpvCode> Cpv, int Volume, int ContractMonths, IReadOnlyList<PublishedCriterion> Criteria,
    DateTimeOffset Deadline, string Status, bool Standstill, DateTimeOffset? StandstillEnds, IReadOnlyList<PublishedQuestion> Questions,
    IReadOnlyList<Invitation>? Invitations, int? ResponsesReceived, IReadOnlyList<ResponseScore>? Scores, IReadOnlyList<ParticipantAssessment>? Assessments,
    string? WinnerSupplierName, DateTimeOffset? OwnResponseSubmittedAt, ParticipantAssessment? OwnAssessment, EnteredContract? Contract, IReadOnlyList<PublishedNotice> Notices)
{
    public static CompetitionView Of(Competition c, Actor actor, DateTimeOffset now)
    {
        var buyerSide = actor.ActsFor(c.CommissionerId, MarketplaceRole.Commissioner) || actor.Has(MarketplaceRole.Admin) && !actor.Has(MarketplaceRole.Commissioner);
        var own = buyerSide ? null : actor.OrganisationId;
        var status = c.Status == CompetitionStatus.Open && CompetitionRules.IsPastDeadline(c, now) ? CompetitionStatus.Closed : c.Status;
        var winner = c.Award is { } award ? c.Invitations.FirstOrDefault(i => i.SupplierId == award.WinnerSupplierId)?.SupplierName : null;
        return new(c.Id, c.Title, c.Description, c.CommissionerId, c.CommissionerName, c.Regime, c.Process, c.FrameworkReference, c.LotId,
            c.MainProcurementCategory, c.Cpv, c.Volume, c.ContractMonths, c.Criteria, c.Deadline, status, c.Standstill, c.Award?.StandstillEnds,
            [.. c.Questions.Select(q => new PublishedQuestion(q.Id, q.Question, q.AskedAt, q.Answer, q.AnsweredAt))],
            buyerSide ? c.Invitations : null,
            buyerSide ? c.Responses.Count : null,
            buyerSide && CompetitionRules.IsPastDeadline(c, now) ? c.Scores : null,
            buyerSide ? c.Award?.Assessments : null,
            winner,
            own is null ? null : c.Responses.FirstOrDefault(r => r.SupplierId == own)?.SubmittedAt,
            own is null ? null : c.Award?.Assessments.FirstOrDefault(a => a.SupplierId == own),
            c.Contract,
            c.Notices);
    }
}
