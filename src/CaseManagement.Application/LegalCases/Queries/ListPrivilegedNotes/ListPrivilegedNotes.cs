using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Queries.ListPrivilegedNotes;

/// <summary>A legal case's privileged notes, newest first, for the organisation's lawyers.</summary>
[Audited(AuditActions.List, "LegalCase.PrivilegedNote")]
[RequiresRole(Roles.Lawyer)]
public sealed record ListPrivilegedNotesQuery(Guid LegalCaseId, int PageNumber = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<Page<PrivilegedNoteDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => LegalCaseId;
}

internal sealed class ListPrivilegedNotesHandler(IApplicationDbContext db) : IQueryHandler<ListPrivilegedNotesQuery, Page<PrivilegedNoteDto>>
{
    public async ValueTask<Page<PrivilegedNoteDto>> Handle(ListPrivilegedNotesQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureLegalCaseAsync(query.LegalCaseId, cancellationToken);
        var notes = db.PrivilegedNotes.AsNoTracking().Where(n => n.LegalCaseId == query.LegalCaseId);
        var total = await notes.CountAsync(cancellationToken);
        var rows = await notes.OrderByDescending(n => n.Id).PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        return new Page<PrivilegedNoteDto>([.. rows.Select(PrivilegedNoteDto.From)], query.PageNumber, query.PageSize, total);
    }
}
