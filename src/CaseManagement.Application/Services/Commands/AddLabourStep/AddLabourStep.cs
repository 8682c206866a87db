using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;

namespace CaseManagement.Application.Services.Commands.AddLabourStep;

[Audited(AuditActions.Create, "Case.Service.LabourStep")]
[RequiresRole(Roles.SocialWorker)]
public sealed record AddLabourStepCommand(Guid CaseId, Guid EpisodeId, LabourStepKind? Kind, DateOnly Date, string Title, string? EmployerName)
    : ICommand<LabourStepDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class AddLabourStepHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<AddLabourStepCommand, LabourStepDto>
{
    public async ValueTask<LabourStepDto> Handle(AddLabourStepCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var step = new LabourStep(Guid.CreateVersion7(), episode, command.Kind!.Value, command.Date, command.Title, command.EmployerName);
        db.LabourSteps.Add(step);
        return LabourStepDto.From(step);
    }
}
