using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.LegalCases;
using Mediator;

namespace CaseManagement.Application.LegalCases.Commands.AddPrivilegedNote;

/// <summary>A lawyer's privileged note: only the organisation's lawyers ever read it.</summary>
[Audited(AuditActions.Create, "LegalCase.PrivilegedNote")]
[RequiresRole(Roles.Lawyer)]
public sealed record AddPrivilegedNoteCommand(Guid LegalCaseId, string Content) : ICommand<PrivilegedNoteDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => LegalCaseId;
}

internal sealed class AddPrivilegedNoteHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AddPrivilegedNoteCommand, PrivilegedNoteDto>
{
    public async ValueTask<PrivilegedNoteDto> Handle(AddPrivilegedNoteCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LegalCaseAsync(user, command.LegalCaseId, cancellationToken);
        var note = new PrivilegedNote(Guid.CreateVersion7(), found, user.RequireUserId(), command.Content, clock.GetUtcNow());
        db.PrivilegedNotes.Add(note);
        return PrivilegedNoteDto.From(note);
    }
}
