using FluentValidation;

namespace CaseManagement.Application.Statistics.Queries.GetOrganisationFigures;

public sealed class GetOrganisationFiguresValidator : AbstractValidator<GetOrganisationFiguresQuery>
{
    public GetOrganisationFiguresValidator()
    {
        RuleFor(x => x.Period).MustBePeriod();
    }
}
