using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Application.Beneficiaries;

/// <summary>What a social worker records about a person, on registration and on every update.</summary>
public record BeneficiaryInput
{
    public required string FullName { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? NationalId { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Citizenship { get; init; }

    public string? Notes { get; init; }

    public Sex Sex { get; init; }

    public AgeBand AgeBandAtIdentification { get; init; }

    public bool MinorAtIdentification { get; init; }

    public IReadOnlyList<ExploitationTypes> ExploitationTypes { get; init; } = [];

    public string? CountryOfExploitation { get; init; }

    public required int YearOfIdentification { get; init; }

    public ReferralSourceKind ReferralSource { get; init; }

    internal PersonalDetails ToDetails() =>
        new(FullName, Aliases, Blank(NationalId), DateOfBirth, Blank(Phone), Blank(Address), Blank(Citizenship), Blank(Notes));

    internal BeneficiaryProfile ToProfile() =>
        new(Sex, AgeBandAtIdentification, MinorAtIdentification,
            ExploitationTypes.Aggregate(Domain.Beneficiaries.ExploitationTypes.None, (all, one) => all | one),
            Blank(CountryOfExploitation), YearOfIdentification, ReferralSource);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record BeneficiaryDto(
    Guid Id,
    int Version,
    DateTimeOffset RegisteredAt,
    string FullName,
    IReadOnlyList<string> Aliases,
    string? NationalId,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Address,
    string? Citizenship,
    string? Notes,
    Sex Sex,
    AgeBand AgeBandAtIdentification,
    bool MinorAtIdentification,
    IReadOnlyList<ExploitationTypes> ExploitationTypes,
    string? CountryOfExploitation,
    int YearOfIdentification,
    ReferralSourceKind ReferralSource)
{
    internal static BeneficiaryDto From(Beneficiary b) =>
        new(b.Id, b.Version, b.RegisteredAt, b.FullName, b.Aliases, b.NationalId, b.DateOfBirth, b.Phone, b.Address,
            b.Citizenship, b.Notes, b.Sex, b.AgeBandAtIdentification, b.MinorAtIdentification,
            [.. Enum.GetValues<ExploitationTypes>().Where(t => t != Domain.Beneficiaries.ExploitationTypes.None && b.ExploitationTypes.HasFlag(t))],
            b.CountryOfExploitation, b.YearOfIdentification, b.ReferralSource);
}

/// <summary>A line in a list or search result: enough to recognise the person, nothing more.</summary>
public sealed record BeneficiarySummary(Guid Id, string FullName, DateOnly? DateOfBirth, Sex Sex, int YearOfIdentification)
{
    internal static BeneficiarySummary From(Beneficiary b) => new(b.Id, b.FullName, b.DateOfBirth, b.Sex, b.YearOfIdentification);
}
