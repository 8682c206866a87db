using CaseManagement.Domain.Beneficiaries;
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
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        RuleFor(x => x.FullName).NotEmpty().MaximumLength(MaxNameLength);
        RuleFor(x => x.Aliases).NotNull().Must(a => a.Count <= MaxAliases)
            .WithMessage($"At most {MaxAliases} aliases.");
        RuleForEach(x => x.Aliases).NotEmpty().MaximumLength(MaxNameLength);
        RuleFor(x => x.NationalId).MaximumLength(32)
            .Matches("^[A-Za-z0-9 ./-]*$").WithMessage("A national id holds letters, digits, spaces, dots, dashes or slashes.");
        RuleFor(x => x.DateOfBirth)
            .Must(d => d is null || (d.Value >= new DateOnly(1900, 1, 1) && d.Value <= today))
            .WithMessage("The date of birth must be between 1900-01-01 and today.");
        RuleFor(x => x.Phone).MaximumLength(32)
            .Matches(@"^[0-9+()\- ]*$").WithMessage("A phone number holds digits, spaces and + ( ) -.");
        RuleFor(x => x.Address).MaximumLength(500);
        RuleFor(x => x.Citizenship).MaximumLength(100);
        RuleFor(x => x.Notes).MaximumLength(MaxNotesLength);

        RuleFor(x => x.Sex).IsInEnum();
        RuleFor(x => x.AgeBandAtIdentification).IsInEnum();
        RuleFor(x => x.MinorAtIdentification)
            .Must((input, minor) => input.AgeBandAtIdentification == AgeBand.Unknown || input.AgeBandAtIdentification.IsMinor() == minor)
            .WithMessage("The minor flag contradicts the age band at identification.");
        RuleFor(x => x.ExploitationTypes).NotNull();
        RuleForEach(x => x.ExploitationTypes)
            .Must(t => t != ExploitationTypes.None && Enum.IsDefined(t))
            .WithMessage("Unknown exploitation type.");
        RuleFor(x => x.CountryOfExploitation)
            .Matches("^[A-Za-z]{2}$").WithMessage("Use an ISO 3166-1 alpha-2 country code.");
        RuleFor(x => x.YearOfIdentification).InclusiveBetween(Beneficiary.FirstYearOfIdentification, today.Year);
        RuleFor(x => x.ReferralSource).IsInEnum();
    }
}
