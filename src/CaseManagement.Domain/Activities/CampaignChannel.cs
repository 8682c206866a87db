namespace CaseManagement.Domain.Activities;

/// <summary>Where a prevention campaign reached people.</summary>
public enum CampaignChannel
{
    School = 1,
    Online = 2,
    Community = 3,
    Media = 4,
}
