using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Queries.ListHearings;

/// <summary>A legal case's hearings in time order.</summary>
[Audited(AuditActions.List, "LegalCase.Hearing")]
[RequiresRole(Roles.Lawyer)]
public sealed record ListHearingsQuery(Guid LegalCaseId) : IQuery<IReadOnlyList<HearingDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => LegalCaseId;
}

internal sealed class ListHearingsHandler(IApplicationDbContext db) : IQueryHandler<ListHearingsQuery, IReadOnlyList<HearingDto>>
{
    public async ValueTask<IReadOnlyList<HearingDto>> Handle(ListHearingsQuery query, CancellationToken cancellationToken)
    {
        await db.EnsureLegalCaseAsync(query.LegalCaseId, cancellationToken);
        var hearings = await db.Hearings.AsNoTracking().Where(h => h.LegalCaseId == query.LegalCaseId).ToListAsync(cancellationToken);
        return [.. hearings.OrderBy(h => h.ScheduledAt).ThenBy(h => h.Id).Select(HearingDto.From)];
    }
}
