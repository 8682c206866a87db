using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Queries.ListLegalCases;

/// <summary>The organisation's legal cases (or only those assigned to the caller), each with its next hearing.</summary>
[Audited(AuditActions.List, "LegalCase")]
[RequiresRole(Roles.Lawyer)]
public sealed record ListLegalCasesQuery(bool Mine = false, int PageNumber = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Page<LegalCaseDto>>;

internal sealed class ListLegalCasesHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListLegalCasesQuery, Page<LegalCaseDto>>
{
    public async ValueTask<Page<LegalCaseDto>> Handle(ListLegalCasesQuery query, CancellationToken cancellationToken)
    {
        var legalCases = db.LegalCases.AsNoTracking();
        if (query.Mine)
        {
            var me = user.RequireUserId();
            legalCases = legalCases.Where(l => l.AssignedLawyerId == me);
        }

        var total = await legalCases.CountAsync(cancellationToken);
        var rows = await legalCases.Include(l => l.StageChanges).OrderByDescending(l => l.Id).PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        var next = await db.NextHearingsAsync([.. rows.Select(l => l.Id)], clock.GetUtcNow(), cancellationToken);
        return new Page<LegalCaseDto>([.. rows.Select(l => LegalCaseDto.From(l, next.TryGetValue(l.Id, out var at) ? at : null))], query.PageNumber, query.PageSize, total);
    }
}
