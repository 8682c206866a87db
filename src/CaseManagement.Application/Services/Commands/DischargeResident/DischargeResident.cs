using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Services.Commands.DischargeResident;

[Audited(AuditActions.Update, "Case.Admission")]
[RequiresRole(Roles.SocialWorker)]
public sealed record DischargeResidentCommand(Guid CaseId, Guid EpisodeId, DateOnly DischargedOn) : ICommand<AdmissionDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class DischargeResidentHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<DischargeResidentCommand, AdmissionDto>
{
    public async ValueTask<AdmissionDto> Handle(DischargeResidentCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LoadForDetailAsync(user, command.CaseId, command.EpisodeId, cancellationToken);
        return AdmissionDto.From(found.Discharge(command.EpisodeId, command.DischargedOn));
    }
}
