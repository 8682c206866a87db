namespace CaseManagement.Domain.LegalCases;

/// <summary>Where the file is: with the prosecutors during the investigation, or before a court.</summary>
public enum VenueKind
{
    ProsecutorsOffice = 1,
    Court = 2,
}

/// <summary>The stages of a Romanian criminal procedure, in the order they happen.</summary>
public enum LegalStage
{
    Complaint = 1,
    CriminalInvestigation = 2,
    Indictment = 3,
    FirstInstance = 4,
    Appeal = 5,
    FinalJudgment = 6,
    Enforcement = 7,
}

/// <summary>The victim's standing in the procedure.</summary>
public enum ProceduralRole
{
    InjuredParty = 1,
    CivilParty = 2,
    Witness = 3,
}

/// <summary>One protective measure; the values are bits, so a set of them is stored as one number.</summary>
public enum ProtectiveMeasure
{
    ProtectedIdentity = 1,
    HearingByVideo = 2,
    WitnessProtectionProgramme = 4,
    RestrainingOrder = 8,
}
