using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Activities;
using Mediator;

namespace CaseManagement.Application.Activities.Commands.RecordCampaign;

/// <summary>Records a prevention campaign's reach: a count for the platform's yearly figures.</summary>
[Audited(AuditActions.Create, "PreventionCampaign")]
[RequiresRole(Roles.Coordinator)]
public sealed record RecordCampaignCommand(string Name, DateOnly StartsOn, DateOnly EndsOn, CampaignChannel Channel, int PeopleReached) : ICommand<CampaignDto>;

internal sealed class RecordCampaignHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordCampaignCommand, CampaignDto>
{
    public ValueTask<CampaignDto> Handle(RecordCampaignCommand command, CancellationToken cancellationToken)
    {
        var campaign = new PreventionCampaign(Guid.CreateVersion7(), user.RequireOrganisationId(), command.Name.Trim(), command.StartsOn, command.EndsOn,
            command.Channel, command.PeopleReached, clock.GetUtcNow());
        db.PreventionCampaigns.Add(campaign);
        return ValueTask.FromResult(CampaignDto.From(campaign));
    }
}
