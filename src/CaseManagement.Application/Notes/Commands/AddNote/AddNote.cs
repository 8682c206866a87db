using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notes.Commands.AddNote;

[Audited(AuditActions.Create, "Case.Note")]
[RequiresRole(Roles.SocialWorker)]
public sealed record AddNoteCommand(Guid CaseId, NoteSensitivity Sensitivity, string Content) : ICommand<CaseNoteDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AddNoteHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddNoteCommand, CaseNoteDto>
{
    public async ValueTask<CaseNoteDto> Handle(AddNoteCommand command, CancellationToken cancellationToken)
    {
        // Tracked: the note moves the case's version, which serialises it against a concurrent closure.
        var found = (await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)).OwnedBy(user, command.CaseId);
        await db.EnsureNotErasedAsync(found.BeneficiaryId, cancellationToken);
        if (command.Sensitivity == NoteSensitivity.Restricted)
        {
            // Writing one makes its author a manager of the case's counsellors, so it is no open door.
            await db.EnsureWorksCaseAsync(found, user.RequireUserId(), cancellationToken);
        }
        var note = new CaseNote(Guid.CreateVersion7(), found, user.RequireUserId(), command.Sensitivity, command.Content, clock.GetUtcNow());
        db.CaseNotes.Add(note);
        return CaseNoteDto.From(note);
    }
}
