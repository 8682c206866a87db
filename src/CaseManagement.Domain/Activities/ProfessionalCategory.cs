namespace CaseManagement.Domain.Activities;

/// <summary>The professions ProTECT's members train, as the secretariat reports them.</summary>
public enum ProfessionalCategory
{
    SocialWorkers = 1,
    Teachers = 2,
    PoliceOfficers = 3,
    Priests = 4,
    LabourInspectors = 5,
    MedicalStaff = 6,
    CommunityWorkers = 7,
    NgoStaff = 8,
    Others = 9,
}
