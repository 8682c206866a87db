using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.LegalCases;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.LegalCases;

public sealed class LegalCaseInputValidator : AbstractValidator<LegalCaseInput>
{
    /// <summary>The currencies a civil claim is expressed in (ISO 4217).</summary>
    public static readonly IReadOnlyList<string> Currencies = ["RON", "EUR", "USD", "GBP"];

    public LegalCaseInputValidator(IOptions<LegalCaseOptions> options)
    {
        var categories = options.Value.OffenceCategories;
        RuleFor(x => x.ServiceEpisodeId).NotEqual(Guid.Empty);
        RuleFor(x => x.VenueKind).NotNull().IsInEnum();
        RuleFor(x => x.VenueName).NotEmpty().MaximumLength(200).Line();
        RuleFor(x => x.FileNumber).NotEmpty().MaximumLength(100).Line();
        RuleFor(x => x.OffenceCategory).NotEmpty().Must(c => categories.Contains(c, StringComparer.Ordinal))
            .WithMessage("Use one of the configured offence categories.").WithErrorCode("LegalCase.OffenceCategory");
        RuleFor(x => x.ProceduralRole).NotNull().IsInEnum();
        RuleFor(x => x.ProtectiveMeasures).NotNull()
            .Must(m => m.Distinct().Count() == m.Count).WithMessage("Name each protective measure once.").WithErrorCode("List.ProtectiveMeasuresOnce");
        RuleForEach(x => x.ProtectiveMeasures).IsInEnum();
        RuleFor(x => x.AmountClaimed).Amount();
        RuleFor(x => x.AmountAwarded).Amount();
        RuleFor(x => x.AmountPaid).Amount()
            .LessThanOrEqualTo(x => x.AmountAwarded).When(x => x.AmountAwarded is not null).WithMessage("More cannot be paid than was awarded.").WithErrorCode("LegalCase.PaidOverAwarded");
        RuleFor(x => x.Currency)
            .Must(c => c is not null && Currencies.Contains(c, StringComparer.Ordinal)).WithMessage($"Use one of {string.Join(", ", Currencies)}.")
            .WithErrorCode("LegalCase.Currency").WithMessageValues(("Currencies", string.Join(", ", Currencies)))
            .When(x => x.Currency is not null || x.AmountClaimed is not null || x.AmountAwarded is not null || x.AmountPaid is not null);
    }
}

internal static class AmountRules
{
    /// <summary>A sum of money: not negative, in whole cents.</summary>
    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThanOrEqualTo(0m).PrecisionScale(18, 2, ignoreTrailingZeros: true);
}
