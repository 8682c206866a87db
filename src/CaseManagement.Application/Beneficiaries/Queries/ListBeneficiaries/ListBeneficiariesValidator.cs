using CaseManagement.Application.Common.Models;
using FluentValidation;

namespace CaseManagement.Application.Beneficiaries.Queries.ListBeneficiaries;

public sealed class ListBeneficiariesValidator : AbstractValidator<ListBeneficiariesQuery>
{
    public ListBeneficiariesValidator()
    {
        RuleFor(x => x.PageNumber).ValidPageNumber();
        RuleFor(x => x.PageSize).ValidPageSize();
    }
}
