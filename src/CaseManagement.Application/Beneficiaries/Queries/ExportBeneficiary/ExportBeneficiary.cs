using System.Text.Json.Nodes;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries.Queries.ExportBeneficiary;

/// <summary>
/// GDPR art. 15: everything the organisation holds on one person, personal fields opened, as JSON
/// for the data protection officer, who decides what to hand over. The text of privileged and
/// restricted notes is withheld (their lawyer or author discloses it). Organisation administrators
/// only; every export is audited.
/// </summary>
[Audited(AuditActions.Export, "Beneficiary")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record ExportBeneficiaryQuery(Guid Id) : IQuery<JsonObject>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class ExportBeneficiaryHandler(IApplicationDbContext db, ICurrentUser user, IBeneficiaryRecords records)
    : IQueryHandler<ExportBeneficiaryQuery, JsonObject>
{
    public async ValueTask<JsonObject> Handle(ExportBeneficiaryQuery query, CancellationToken cancellationToken)
    {
        var organisation = user.RequireOrganisationId();
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == query.Id && b.OrganisationId == organisation, cancellationToken))
        {
            throw new Common.Exceptions.NotFoundException("Beneficiary", query.Id);
        }

        return await records.ExportAsync(query.Id, cancellationToken);
    }
}
