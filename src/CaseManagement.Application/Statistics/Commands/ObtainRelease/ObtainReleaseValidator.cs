using FluentValidation;

namespace CaseManagement.Application.Statistics.Commands.ObtainRelease;

public sealed class ObtainReleaseValidator : AbstractValidator<ObtainReleaseCommand>
{
    public ObtainReleaseValidator()
    {
        RuleFor(x => x.Period).MustBePeriod();
        RuleFor(x => x.Revision).GreaterThanOrEqualTo(1);
    }
}
