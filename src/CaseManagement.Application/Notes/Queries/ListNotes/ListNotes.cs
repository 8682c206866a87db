using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Notes;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notes.Queries.ListNotes;

/// <summary>A case's notes, newest first; restricted notes appear only to their author and the case's designated counsellors.</summary>
[Audited(AuditActions.List, "Case.Note")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListNotesQuery(Guid CaseId, int PageNumber = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Page<CaseNoteDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListNotesHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListNotesQuery, Page<CaseNoteDto>>
{
    public async ValueTask<Page<CaseNoteDto>> Handle(ListNotesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == query.CaseId, cancellationToken))
        {
            throw new NotFoundException(nameof(Case), query.CaseId);
        }

        var reader = user.RequireUserId();
        var notes = db.NotesReadableBy(query.CaseId, reader).AsNoTracking();
        var total = await notes.CountAsync(cancellationToken);
        var rows = await notes.OrderByDescending(n => n.Id).PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        return new Page<CaseNoteDto>([.. rows.Select(CaseNoteDto.From)], query.PageNumber, query.PageSize, total);
    }
}
