namespace CaseManagement.Domain.Beneficiaries;

/// <summary>The statistical attributes of a beneficiary: coarse, stored in clear, used for counts.</summary>
public sealed record BeneficiaryProfile(
    Sex Sex,
    AgeBand AgeBandAtIdentification,
    bool MinorAtIdentification,
    ExploitationTypes ExploitationTypes,
    string? CountryOfExploitation,
    int YearOfIdentification,
    ReferralSourceKind ReferralSource);

/// <summary>The personal data of a beneficiary; every field is encrypted at rest.</summary>
public sealed record PersonalDetails(
    string FullName,
    IReadOnlyList<string> Aliases,
    string? NationalId,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Address,
    string? Citizenship,
    string? Notes);
