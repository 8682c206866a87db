namespace CaseManagement.Domain.Cases;

public enum CaseStatus
{
    New = 0,
    Active = 1,
    Closed = 2,
}

public enum ClosureReason
{
    GoalsAchieved = 1,
    ReferredElsewhere = 2,
    BeneficiaryWithdrew = 3,
    LostContact = 4,
    Repatriated = 5,
    Deceased = 6,
    Other = 99,
}

/// <summary>The six services ProTECT members provide and report on.</summary>
public enum ServiceType
{
    Residential = 1,
    DayCentre = 2,
    Reintegration = 3,
    CriminalProcedureAssistance = 4,
    Repatriation = 5,
    Counselling = 6,
}

public enum EpisodeStatus
{
    Ongoing = 0,
    Ended = 1,
}

public enum NoteSensitivity
{
    Ordinary = 0,

    /// <summary>E.g. psychotherapy notes: visible to the author and designated counsellors only.</summary>
    Restricted = 1,
}
