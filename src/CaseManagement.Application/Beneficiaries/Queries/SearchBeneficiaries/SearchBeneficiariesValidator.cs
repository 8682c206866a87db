using FluentValidation;
using CaseManagement.Application.Common.Validation;

namespace CaseManagement.Application.Beneficiaries.Queries.SearchBeneficiaries;

public sealed class SearchBeneficiariesValidator : AbstractValidator<SearchBeneficiariesQuery>
{
    public SearchBeneficiariesValidator(TimeProvider clock)
    {
        RuleFor(x => x)
            .Must(q => !string.IsNullOrWhiteSpace(q.NationalId) || !string.IsNullOrWhiteSpace(q.FullName) || q.DateOfBirth is not null)
            .WithName("criteria")
            .WithMessage("Give a national id, a full name or a date of birth.")
            .WithErrorCode("Search.Criteria");
        RuleFor(x => x.NationalId).NationalId();
        RuleFor(x => x.FullName).MaximumLength(BeneficiaryInputValidator.MaxNameLength).Line();
        RuleFor(x => x.DateOfBirth).DateOfBirth(clock);
    }
}
