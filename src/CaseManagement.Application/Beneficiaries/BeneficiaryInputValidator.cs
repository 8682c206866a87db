using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Beneficiaries;

/// <summary>Rules shared by registration and update.</summary>
public sealed class BeneficiaryInputValidator : AbstractValidator<BeneficiaryInput>
{
    public const int MaxNameLength = 200;
    public const int MaxAliases = 10;
    public const int MaxNotesLength = 4000;

    public BeneficiaryInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(MaxNameLength).Line()
            .Must(n => n is not null && n.Any(char.IsLetter)).WithMessage("A name holds at least one letter.").WithErrorCode("Beneficiary.NameLetter");
        RuleFor(x => x.Aliases).NotNull().Must(a => a.Count <= MaxAliases)
            .WithMessage($"At most {MaxAliases} aliases.").WithErrorCode("Beneficiary.Aliases").WithMessageValues(("Max", MaxAliases));
        RuleForEach(x => x.Aliases).NotEmpty().MaximumLength(MaxNameLength).Line();
        RuleFor(x => x.NationalId).NationalId();
        RuleFor(x => x.DateOfBirth).DateOfBirth(clock);
        RuleFor(x => x.Phone).MaximumLength(32).Line()
            .Matches(@"^[0-9+()\- ]*$").WithMessage("A phone number holds digits, spaces and + ( ) -.").WithErrorCode("Beneficiary.Phone");
        RuleFor(x => x.Address).MaximumLength(500).Paragraph();
        RuleFor(x => x.Citizenship).MaximumLength(100).Line();
        RuleFor(x => x.Notes).MaximumLength(MaxNotesLength).Paragraph();

        RuleFor(x => x.Sex).IsInEnum();
        RuleFor(x => x.AgeBandAtIdentification).IsInEnum();
        RuleFor(x => x.MinorAtIdentification)
            .Must((input, minor) => input.AgeBandAtIdentification == AgeBand.Unknown || input.AgeBandAtIdentification.IsMinor() == minor)
            .WithMessage("The minor flag contradicts the age band at identification.").WithErrorCode("Beneficiary.Minor");
        RuleFor(x => x.ExploitationTypes).NotNull()
            .Must(t => t.Distinct().Count() == t.Count).WithMessage("Name each exploitation type once.").WithErrorCode("List.ExploitationTypesOnce");
        RuleForEach(x => x.ExploitationTypes)
            .Must(t => t != ExploitationTypes.None && Enum.IsDefined(t))
            .WithMessage("Unknown exploitation type.").WithErrorCode("Beneficiary.ExploitationType");
        RuleFor(x => x.CountryOfExploitation)
            .Matches(@"^[A-Za-z]{2}\z").WithMessage("Use an ISO 3166-1 alpha-2 country code.").WithErrorCode("Country.Code");
        // Validators are singletons: "this year" is read when a value is checked, never when the rules are built.
        RuleFor(x => x.YearOfIdentification).Must(y => y >= Beneficiary.FirstYearOfIdentification && y <= Cases.CaseDates.Today(clock).Year)
            .WithMessage($"The year of identification must lie between {Beneficiary.FirstYearOfIdentification} and this year.")
            .WithErrorCode("Beneficiary.YearOfIdentification").WithMessageValues(("First", Beneficiary.FirstYearOfIdentification));
        RuleFor(x => x.ReferralSource).IsInEnum();
    }
}
