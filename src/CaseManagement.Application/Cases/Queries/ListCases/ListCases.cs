using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Queries.ListCases;

[Audited(AuditActions.List, "Case")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record ListCasesQuery(
    CaseStatus? Status = null, Guid? BeneficiaryId = null, Guid? AssignedWorkerId = null,
    int PageNumber = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Page<CaseDto>>;

internal sealed class ListCasesHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListCasesQuery, Page<CaseDto>>
{
    public async ValueTask<Page<CaseDto>> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (query.BeneficiaryId is { } beneficiary)
        {
            cases = cases.Where(c => c.BeneficiaryId == beneficiary);
        }

        if (query.AssignedWorkerId is { } worker)
        {
            cases = cases.Where(c => c.AssignedWorkerId == worker);
        }

        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases.OrderBy(c => c.Id).PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        return new Page<CaseDto>([.. rows.Select(c => CaseDto.For(c, user))], query.PageNumber, query.PageSize, total);
    }
}
