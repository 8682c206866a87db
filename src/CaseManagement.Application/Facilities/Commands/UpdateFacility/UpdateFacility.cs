using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Facilities.Commands.UpdateFacility;

[Audited(AuditActions.Update, "Facility")]
[RequiresRole(Roles.Coordinator)]
public sealed record UpdateFacilityCommand(Guid FacilityId, int? Version, string Name, string? Address, int Places, bool? Active) : ICommand<FacilityDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => FacilityId;
}

internal sealed class UpdateFacilityHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<UpdateFacilityCommand, FacilityDto>
{
    public async ValueTask<FacilityDto> Handle(UpdateFacilityCommand command, CancellationToken cancellationToken)
    {
        var facility = (await db.Facilities.SingleOrDefaultAsync(f => f.Id == command.FacilityId, cancellationToken)).OwnedBy(user, command.FacilityId);
        db.ExpectVersion(facility, command.Version!.Value);
        // The version check at save makes this count safe: an admission in between moves the version.
        var residents = await db.CurrentResidentsAsync(facility.Id, cancellationToken);
        facility.Update(command.Name.Trim(), TextRules.TrimmedOrNull(command.Address), command.Places, command.Active!.Value, residents);
        return FacilityDto.From(facility);
    }
}
