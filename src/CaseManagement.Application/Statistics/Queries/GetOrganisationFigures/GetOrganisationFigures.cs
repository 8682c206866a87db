using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Statistics.Releases;
using Mediator;

namespace CaseManagement.Application.Statistics.Queries.GetOrganisationFigures;

/// <summary>
/// The caller's own organisation's figures for any period, the open one included (provisional), and
/// unsuppressed: the organisation already knows the people behind them. Nothing of any other
/// organisation, and nothing goes into the ledger.
/// </summary>
[Audited(AuditActions.Read, "OrganisationFigures")]
[RequiresRole(Roles.Coordinator)]
public sealed record GetOrganisationFiguresQuery(string Period) : IQuery<ReleaseDocument>;

internal sealed class GetOrganisationFiguresHandler(IStatisticsSource source, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetOrganisationFiguresQuery, ReleaseDocument>
{
    public async ValueTask<ReleaseDocument> Handle(GetOrganisationFiguresQuery query, CancellationToken cancellationToken)
    {
        var period = PeriodRules.Parse(query.Period);
        var input = await source.ReadAsync(period, user.RequireOrganisationId(), cancellationToken);
        var provisional = !period.IsClosedOn(CaseDates.Today(clock));
        var figures = ReleaseLayout.For(input, byOrganisation: false)
            .ToDocument(period, revision: null, provisional, new SuppressionRule(0, "None: your organisation's own figures, for its own reporting. Do not publish them as they are."));

        // No deduplicated total: exact and on demand, it would tell a member whether a guessed identity,
        // recorded on a dummy record, matches someone it serves under a referral's placeholder.
        return figures with { Annual = figures.Annual with { BeneficiariesAssistedDeduplicated = null } };
    }
}
