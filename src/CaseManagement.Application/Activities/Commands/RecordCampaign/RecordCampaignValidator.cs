using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Activities;
using FluentValidation;

namespace CaseManagement.Application.Activities.Commands.RecordCampaign;

public sealed class RecordCampaignValidator : AbstractValidator<RecordCampaignCommand>
{
    public const int MaxNameLength = 200;

    public RecordCampaignValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(MaxNameLength).Line();
        RuleFor(x => x.StartsOn).CaseDate(clock);
        RuleFor(x => x.EndsOn).CaseDate(clock).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("A campaign cannot end before it starts.").WithErrorCode("Campaign.EndsBeforeStart");
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.PeopleReached).InclusiveBetween(0, PreventionCampaign.MaxPeopleReached);
    }
}
