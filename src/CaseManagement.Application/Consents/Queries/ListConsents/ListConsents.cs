using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Beneficiaries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consents.Queries.ListConsents;

/// <summary>
/// A beneficiary's consents, each at its current version. Coordinators read them too, as they send
/// referrals and a referral must name the consent that covers it; but only the terms: where the
/// signed paper is and who witnessed a verbal consent stay with the social workers.
/// </summary>
[Audited(AuditActions.List, "Consent")]
[RequiresRole(Roles.SocialWorker, Roles.Coordinator)]
public sealed record ListConsentsQuery(Guid BeneficiaryId) : IQuery<IReadOnlyList<ConsentDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => BeneficiaryId;
}

internal sealed class ListConsentsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListConsentsQuery, IReadOnlyList<ConsentDto>>
{
    public async ValueTask<IReadOnlyList<ConsentDto>> Handle(ListConsentsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == query.BeneficiaryId, cancellationToken))
        {
            throw new NotFoundException(nameof(Beneficiary), query.BeneficiaryId);
        }

        var consents = await db.Consents.AsNoTracking().Where(c => c.BeneficiaryId == query.BeneficiaryId && c.IsCurrent)
            .OrderBy(c => c.ConsentId).ToListAsync(cancellationToken);
        var evidence = user.IsInRole(Roles.SocialWorker);
        return [.. consents.Select(ConsentDto.From).Select(c => evidence ? c : c with { DocumentReference = null, Witness = null })];
    }
}
