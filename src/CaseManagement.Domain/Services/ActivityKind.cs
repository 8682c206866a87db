namespace CaseManagement.Domain.Services;

/// <summary>What a beneficiary attended at the day centre.</summary>
public enum ActivityKind
{
    Counselling = 1,
    Education = 2,
    Vocational = 3,
    Recreational = 4,
    Meals = 5,
    Medical = 6,
    Other = 99,
}
