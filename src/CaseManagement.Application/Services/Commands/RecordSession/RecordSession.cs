using CaseManagement.Application.Administration;
using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.RecordSession;

/// <summary>
/// Records a counselling session. Its note, if any, is written as a restricted case note, so only
/// the case's assigned worker and designated counsellors may write one.
/// </summary>
[Audited(AuditActions.Create, "Case.Service.Session")]
[RequiresRole(Roles.SocialWorker)]
public sealed record RecordSessionCommand(Guid CaseId, Guid EpisodeId, DateOnly Date, int DurationMinutes, Guid CounsellorId, string? Note)
    : ICommand<CounsellingSessionDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class RecordSessionHandler(IApplicationDbContext db, IIdentityAdministration identity, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordSessionCommand, CounsellingSessionDto>
{
    public async ValueTask<CounsellingSessionDto> Handle(RecordSessionCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        var episode = found.DetailRecorded(command.EpisodeId, ServiceType.Counselling);
        if (!await db.CounsellingDetails.AnyAsync(d => d.EpisodeId == episode.Id, cancellationToken))
        {
            throw new ConflictException("counselling.kind-not-set", "Set the counselling kind (psychological or vocational) before the first session.");
        }

        await identity.CaseWorkerAsync(user, command.CounsellorId, cancellationToken);
        CaseNote? note = null;
        if (command.Note is { } content)
        {
            var caller = user.RequireUserId();
            await db.EnsureWorksCaseAsync(found, caller, cancellationToken);
            note = new CaseNote(Guid.CreateVersion7(), found, caller, NoteSensitivity.Restricted, content, clock.GetUtcNow());
            db.CaseNotes.Add(note);
        }

        var session = new CounsellingSession(Guid.CreateVersion7(), episode, command.Date, command.DurationMinutes, command.CounsellorId, note);
        db.CounsellingSessions.Add(session);
        return CounsellingSessionDto.From(session, note?.Content);
    }
}
