namespace CaseManagement.Domain.Services;

/// <summary>The steps of a repatriation, taken one at a time in this order.</summary>
public enum RepatriationStatus
{
    Requested = 1,
    DocumentsInProgress = 2,
    TravelArranged = 3,
    Returned = 4,
    FollowedUp = 5,
}
