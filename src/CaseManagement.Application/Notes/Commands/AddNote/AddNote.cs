using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notes.Commands.AddNote;

public sealed record AddNoteCommand(Guid CaseId, NoteSensitivity Sensitivity, string Content) : ICommand<CaseNoteDto>;

internal sealed class AddNoteHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddNoteCommand, CaseNoteDto>
{
    public async ValueTask<CaseNoteDto> Handle(AddNoteCommand command, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)
            ?? throw new NotFoundException(nameof(Case), command.CaseId);
        var note = new CaseNote(Guid.CreateVersion7(), found, user.RequireUserId(), command.Sensitivity, command.Content, clock.GetUtcNow());
        db.CaseNotes.Add(note);
        return CaseNoteDto.From(note);
    }
}
