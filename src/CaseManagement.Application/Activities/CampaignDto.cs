using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Activities;

namespace CaseManagement.Application.Activities;

public sealed record CampaignDto(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, CampaignChannel Channel, int PeopleReached) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    public static CampaignDto From(PreventionCampaign c) => new(c.Id, c.Name, c.StartsOn, c.EndsOn, c.Channel, c.PeopleReached);
}
