using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Commands.RecordLabourOutcome;

[Audited(AuditActions.Update, "Case.Service.LabourStep")]
[RequiresRole(Roles.SocialWorker)]
public sealed record RecordLabourOutcomeCommand(Guid CaseId, Guid EpisodeId, Guid StepId, LabourStepOutcome? Outcome, DateOnly Date)
    : ICommand<LabourStepDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class RecordLabourOutcomeHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<RecordLabourOutcomeCommand, LabourStepDto>
{
    public async ValueTask<LabourStepDto> Handle(RecordLabourOutcomeCommand command, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeForChangeAsync(user, command.CaseId, command.EpisodeId, ServiceType.Reintegration, cancellationToken);
        var step = await db.LabourSteps.SingleOrDefaultAsync(s => s.Id == command.StepId && s.EpisodeId == episode.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(LabourStep), command.StepId);
        step.RecordOutcome(episode, command.Outcome!.Value, command.Date);
        return LabourStepDto.From(step);
    }
}
