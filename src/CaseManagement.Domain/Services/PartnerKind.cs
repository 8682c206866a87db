namespace CaseManagement.Domain.Services;

/// <summary>The body that helps a beneficiary home.</summary>
public enum PartnerKind
{
    Embassy = 1,
    Consulate = 2,
    IomOffice = 3,
    Ngo = 4,
    Other = 99,
}
