using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Queries.ListCounsellors;

/// <summary>Who reads the case's restricted notes by designation: for those who manage the designations.</summary>
[Audited(AuditActions.List, "Case.Counsellor")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListCounsellorsQuery(Guid CaseId) : IQuery<IReadOnlyList<CounsellorDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListCounsellorsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListCounsellorsQuery, IReadOnlyList<CounsellorDto>>
{
    public async ValueTask<IReadOnlyList<CounsellorDto>> Handle(ListCounsellorsQuery query, CancellationToken cancellationToken)
    {
        var found = (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)).OwnedBy(user, query.CaseId);
        await db.EnsureMayManageAsync(found, user.RequireUserId(), cancellationToken);
        return await db.CaseCounsellors.AsNoTracking().Where(c => c.CaseId == found.Id).OrderBy(c => c.Id)
            .Select(c => new CounsellorDto(c.UserId, c.DesignatedAt)).ToListAsync(cancellationToken);
    }
}
