using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Queries.GetRetentionStatus;

/// <summary>
/// Where one person's record stands before an administrator acts on a request: held, erased, or
/// neither, and its cases by id and dates. Only those columns are read (a projection): no personal
/// field is decrypted, so the administrator checks the record's identity, not its content.
/// </summary>
[Audited(AuditActions.Read, "Beneficiary.Retention")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record GetRetentionStatusQuery(Guid BeneficiaryId) : IQuery<RecordStatus>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => BeneficiaryId;
}

internal sealed class GetRetentionStatusHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetRetentionStatusQuery, RecordStatus>
{
    public async ValueTask<RecordStatus> Handle(GetRetentionStatusQuery query, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        var found = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.Id == query.BeneficiaryId && b.OrganisationId == organisation)
            .Select(b => new { b.Version, b.LegalHold, b.LegalHoldSince, b.AnonymisedAt })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Beneficiary", query.BeneficiaryId);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.BeneficiaryId == query.BeneficiaryId && c.OrganisationId == organisation)
            .OrderBy(c => c.OpenedOn)
            .Select(c => new RecordCase(c.Id, c.Status, c.OpenedOn, c.ClosedOn))
            .ToListAsync(cancellationToken);
        return new RecordStatus(query.BeneficiaryId, found.Version, found.LegalHold, found.LegalHoldSince, found.AnonymisedAt, cases);
    }
}
