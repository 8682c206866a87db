using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Consents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consents.Queries.GetConsentHistory;

/// <summary>Every version of one consent, oldest first: what the person agreed to, and when it changed.</summary>
[Audited(AuditActions.Read, "Consent")]
[RequiresRole(Roles.SocialWorker)]
public sealed record GetConsentHistoryQuery(Guid BeneficiaryId, Guid ConsentId) : IQuery<IReadOnlyList<ConsentDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => ConsentId;
}

internal sealed class GetConsentHistoryHandler(IApplicationDbContext db) : IQueryHandler<GetConsentHistoryQuery, IReadOnlyList<ConsentDto>>
{
    public async ValueTask<IReadOnlyList<ConsentDto>> Handle(GetConsentHistoryQuery query, CancellationToken cancellationToken)
    {
        var versions = await db.Consents.AsNoTracking().Where(c => c.ConsentId == query.ConsentId && c.BeneficiaryId == query.BeneficiaryId)
            .OrderBy(c => c.Number).ToListAsync(cancellationToken);
        return versions.Count == 0 ? throw new NotFoundException(nameof(Consent), query.ConsentId) : [.. versions.Select(ConsentDto.From)];
    }
}
