using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Queries.ListBeneficiaries;

/// <summary>The organisation's beneficiaries, oldest registration first (ids are time-ordered).</summary>
[Audited(AuditActions.List, "Beneficiary")]
[RequiresRole(Roles.SocialWorker, Roles.Lawyer)]
public sealed record ListBeneficiariesQuery(int PageNumber = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Page<BeneficiarySummary>>;

internal sealed class ListBeneficiariesHandler(IApplicationDbContext db)
    : IQueryHandler<ListBeneficiariesQuery, Page<BeneficiarySummary>>
{
    public async ValueTask<Page<BeneficiarySummary>> Handle(ListBeneficiariesQuery query, CancellationToken cancellationToken)
    {
        var total = await db.Beneficiaries.CountAsync(cancellationToken);
        var rows = await db.Beneficiaries.AsNoTracking().OrderBy(b => b.Id)
            .PageOf(query.PageNumber, query.PageSize).ToListAsync(cancellationToken);
        return new Page<BeneficiarySummary>([.. rows.Select(BeneficiarySummary.From)], query.PageNumber, query.PageSize, total);
    }
}
