using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Beneficiaries;

/// <summary>Rules for identifying data that registration, update and search share.</summary>
internal static class BeneficiaryRules
{
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    /// <summary>Letters, digits and separators, and at least one letter or digit: "---" would match every other punctuation-only id.</summary>
    public static IRuleBuilderOptions<T, string?> NationalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(32)
            .Matches("^[A-Za-z0-9 ./-]*$").WithMessage("A national id holds letters, digits, spaces, dots, dashes or slashes.").WithErrorCode("NationalId.Characters")
            .Must(v => string.IsNullOrEmpty(v) || v.Any(char.IsAsciiLetterOrDigit)).WithMessage("A national id holds at least one letter or digit.").WithErrorCode("NationalId.LetterOrDigit")
            .Line();

    public static IRuleBuilderOptions<T, DateOnly?> DateOfBirth<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(d => d is null || (d.Value >= EarliestDateOfBirth && d.Value <= Cases.CaseDates.Today(clock)))
            .WithMessage("The date of birth must be between 1900-01-01 and today.")
            .WithErrorCode("Date.Birth").WithMessageValues(("Earliest", EarliestDateOfBirth));
}
