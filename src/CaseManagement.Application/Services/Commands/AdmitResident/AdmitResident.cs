using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Facilities;
using CaseManagement.Domain.Facilities;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.AdmitResident;

[Audited(AuditActions.Create, "Case.Admission")]
[RequiresRole(Roles.SocialWorker)]
public sealed record AdmitResidentCommand(Guid CaseId, Guid EpisodeId, Guid FacilityId, DateOnly AdmittedOn) : ICommand<AdmissionDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AdmitResidentHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<AdmitResidentCommand, AdmissionDto>
{
    public async ValueTask<AdmissionDto> Handle(AdmitResidentCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        var facility = (await db.Facilities.SingleOrDefaultAsync(f => f.Id == command.FacilityId, cancellationToken)).OwnedBy(user, command.FacilityId);
        // Admitting moves the facility's version, so of two admissions counting the same last free place one fails at save.
        var residents = await db.CurrentResidentsAsync(facility.Id, cancellationToken);
        var admission = new Admission(Guid.CreateVersion7(), found, command.EpisodeId, facility, command.AdmittedOn, residents);
        db.Admissions.Add(admission);
        return AdmissionDto.From(admission);
    }
}
