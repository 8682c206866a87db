using FluentValidation;

namespace CaseManagement.Application.Cases.Queries.GetMyCaseload;

public sealed class GetMyCaseloadValidator : AbstractValidator<GetMyCaseloadQuery>
{
    public GetMyCaseloadValidator() => RuleFor(x => x.Days).InclusiveBetween(1, GetMyCaseloadQuery.MaxDays);
}
