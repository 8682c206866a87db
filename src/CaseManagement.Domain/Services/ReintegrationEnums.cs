namespace CaseManagement.Domain.Services;

/// <summary>The life area a reintegration goal is about.</summary>
public enum GoalArea
{
    Housing = 1,
    Employment = 2,
    Education = 3,
    Health = 4,
    Family = 5,
    Legal = 6,
    Financial = 7,
    Other = 99,
}

/// <summary>Planned → InProgress → Achieved | Abandoned; the last two are final.</summary>
public enum GoalStatus
{
    Planned = 0,
    InProgress = 1,
    Achieved = 2,
    Abandoned = 3,
}

/// <summary>A step towards the labour market.</summary>
public enum LabourStepKind
{
    Course = 1,
    Qualification = 2,
    JobPlacement = 3,
}

/// <summary>How a labour-market step turned out; each outcome belongs to one kind of step.</summary>
public enum LabourStepOutcome
{
    /// <summary>A course finished.</summary>
    Completed = 1,

    /// <summary>A course left unfinished.</summary>
    Dropped = 2,

    /// <summary>A qualification awarded.</summary>
    Obtained = 3,

    /// <summary>A qualification not awarded.</summary>
    NotObtained = 4,

    /// <summary>A placement still held (not final: a later outcome may follow).</summary>
    StillEmployed = 5,

    /// <summary>The person left the job.</summary>
    LeftJob = 6,

    /// <summary>The employer ended the job.</summary>
    Dismissed = 7,

    /// <summary>A fixed-term contract came to its end.</summary>
    ContractEnded = 8,
}
