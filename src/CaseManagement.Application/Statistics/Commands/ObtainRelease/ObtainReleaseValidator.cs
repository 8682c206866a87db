using CaseManagement.Domain.Statistics;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Statistics.Commands.ObtainRelease;

public sealed class ObtainReleaseValidator : AbstractValidator<ObtainReleaseCommand>
{
    public ObtainReleaseValidator(IOptions<StatisticsOptions> options)
    {
        var kinds = options.Value.PeriodKinds;
        RuleFor(x => x.Period).MustBePeriod()
            .Must(p => StatisticsPeriod.TryParse(p, out var period) && kinds.Contains(period.Kind))
            .WithMessage($"This platform publishes releases for {string.Join(", ", kinds)} periods only (Statistics:PeriodKinds).")
            .WithErrorCode("Statistics.PeriodKind");
        RuleFor(x => x.Revision).GreaterThanOrEqualTo(1);
    }
}
