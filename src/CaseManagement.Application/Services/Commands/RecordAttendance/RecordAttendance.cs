using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.RecordAttendance;

[Audited(AuditActions.Create, "Case.Attendance")]
[RequiresRole(Roles.SocialWorker)]
public sealed record RecordAttendanceCommand(Guid CaseId, Guid EpisodeId, DateOnly Date, ActivityKind? Activity) : ICommand<AttendanceDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class RecordAttendanceHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<RecordAttendanceCommand, AttendanceDto>
{
    public async ValueTask<AttendanceDto> Handle(RecordAttendanceCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        var attendance = new Attendance(Guid.CreateVersion7(), found, command.EpisodeId, command.Date, command.Activity!.Value);
        // The case's version serialises writers; the unique index backs this check up.
        if (await db.Attendances.AnyAsync(a => a.EpisodeId == command.EpisodeId && a.Date == command.Date && a.Activity == attendance.Activity, cancellationToken))
        {
            throw new ConflictException("attendance.duplicate", "This activity is already recorded on this date.");
        }

        db.Attendances.Add(attendance);
        return AttendanceDto.From(attendance);
    }
}
