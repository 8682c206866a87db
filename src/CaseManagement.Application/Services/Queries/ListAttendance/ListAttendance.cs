using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListAttendance;

/// <summary>A day-centre episode's attendance, newest first.</summary>
[Audited(AuditActions.List, "Case.Attendance")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListAttendanceQuery(Guid CaseId, Guid EpisodeId, int PageNumber = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Page<AttendanceDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListAttendanceHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListAttendanceQuery, Page<AttendanceDto>>
{
    public async ValueTask<Page<AttendanceDto>> Handle(ListAttendanceQuery query, CancellationToken cancellationToken)
    {
        await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.DayCentre, cancellationToken);
        var rows = db.Attendances.AsNoTracking().Where(a => a.EpisodeId == query.EpisodeId);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.Date).ThenBy(a => a.Activity).PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        return new Page<AttendanceDto>([.. page.Select(AttendanceDto.From)], query.PageNumber, query.PageSize, total);
    }
}
