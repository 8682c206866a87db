using CaseManagement.Application.Beneficiaries;
using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Web.Forms;

/// <summary>The registration form's fields, by the names the page posts, turned into the use case's input.</summary>
public static class BeneficiaryForm
{
    public const string FullName = nameof(BeneficiaryInput.FullName);
    public const string Aliases = nameof(BeneficiaryInput.Aliases);
    public const string NationalId = nameof(BeneficiaryInput.NationalId);
    public const string DateOfBirth = nameof(BeneficiaryInput.DateOfBirth);
    public const string Phone = nameof(BeneficiaryInput.Phone);
    public const string Address = nameof(BeneficiaryInput.Address);
    public const string Citizenship = nameof(BeneficiaryInput.Citizenship);
    public const string Notes = nameof(BeneficiaryInput.Notes);
    public const string Sex = nameof(BeneficiaryInput.Sex);
    public const string AgeBand = nameof(BeneficiaryInput.AgeBandAtIdentification);
    public const string Minor = nameof(BeneficiaryInput.MinorAtIdentification);
    public const string Exploitation = nameof(BeneficiaryInput.ExploitationTypes);
    public const string CountryOfExploitation = nameof(BeneficiaryInput.CountryOfExploitation);
    public const string YearOfIdentification = nameof(BeneficiaryInput.YearOfIdentification);
    public const string ReferralSource = nameof(BeneficiaryInput.ReferralSource);

    /// <summary>The input, or null when a value could not be read (its field then has an error).</summary>
    public static BeneficiaryInput? Read(FormValues values, FormErrors errors)
    {
        var fullName = values.Text(FullName);
        values.Require(FullName, fullName);
        var year = values.Number(YearOfIdentification);
        values.Require(YearOfIdentification, year);

        var input = new BeneficiaryInput
        {
            FullName = fullName ?? string.Empty,
            Aliases = [.. (values.Text(Aliases, multiline: true) ?? string.Empty)
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            NationalId = values.Text(NationalId),
            DateOfBirth = values.Date(DateOfBirth),
            Phone = values.Text(Phone),
            Address = values.Text(Address, multiline: true),
            Citizenship = values.Text(Citizenship),
            Notes = values.Text(Notes, multiline: true),
            Sex = values.Enum<Sex>(Sex),
            AgeBandAtIdentification = values.Enum<AgeBand>(AgeBand),
            MinorAtIdentification = values.Checked(Minor),
            ExploitationTypes = values.Enums<ExploitationTypes>(Exploitation),
            CountryOfExploitation = values.Text(CountryOfExploitation)?.ToUpperInvariant(),
            YearOfIdentification = year ?? 0,
            ReferralSource = values.Enum<ReferralSourceKind>(ReferralSource),
        };
        return errors.Any ? null : input;
    }
}
