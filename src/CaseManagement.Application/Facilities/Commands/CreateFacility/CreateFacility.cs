using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Facilities;
using Mediator;

namespace CaseManagement.Application.Facilities.Commands.CreateFacility;

[Audited(AuditActions.Create, "Facility")]
[RequiresRole(Roles.Coordinator)]
public sealed record CreateFacilityCommand(string Name, string? Address, int Places) : ICommand<FacilityDto>;

internal sealed class CreateFacilityHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<CreateFacilityCommand, FacilityDto>
{
    public ValueTask<FacilityDto> Handle(CreateFacilityCommand command, CancellationToken cancellationToken)
    {
        var facility = new Facility(Guid.CreateVersion7(), user.RequireOrganisationId(), command.Name.Trim(), TextRules.TrimmedOrNull(command.Address), command.Places);
        db.Facilities.Add(facility);
        return ValueTask.FromResult(FacilityDto.From(facility));
    }
}
