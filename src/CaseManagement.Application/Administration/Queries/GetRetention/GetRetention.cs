using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Administration.Queries.GetRetention;

/// <summary>The organisation's retention period, for its administrators.</summary>
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record GetRetentionQuery : IQuery<RetentionSettingsDto>;

internal sealed class GetRetentionHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetRetentionQuery, RetentionSettingsDto>
{
    public async ValueTask<RetentionSettingsDto> Handle(GetRetentionQuery query, CancellationToken cancellationToken)
    {
        var id = user.RequireOrganisationId();
        return new RetentionSettingsDto(await db.Organisations.Where(o => o.Id == id).Select(o => o.RetentionYearsAfterClosure).SingleAsync(cancellationToken));
    }
}
