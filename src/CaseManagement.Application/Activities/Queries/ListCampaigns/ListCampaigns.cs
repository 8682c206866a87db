using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Activities.Queries.ListCampaigns;

/// <summary>The organisation's campaigns, newest first; a handful a year, so not paged.</summary>
[Audited(AuditActions.List, "PreventionCampaign")]
[RequiresRole(Roles.Coordinator)]
public sealed record ListCampaignsQuery : IQuery<IReadOnlyList<CampaignDto>>;

internal sealed class ListCampaignsHandler(IApplicationDbContext db) : IQueryHandler<ListCampaignsQuery, IReadOnlyList<CampaignDto>>
{
    public async ValueTask<IReadOnlyList<CampaignDto>> Handle(ListCampaignsQuery query, CancellationToken cancellationToken)
    {
        var campaigns = await db.PreventionCampaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. campaigns.Select(CampaignDto.From)];
    }
}
