using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.SaveRepatriation;

public sealed class SaveRepatriationValidator : AbstractValidator<SaveRepatriationCommand>
{
    public const int MaxPartnerNameLength = 200;
    public const int MaxPartnerContactLength = 300;

    /// <summary>How far ahead a journey can be planned.</summary>
    public const int MaxPlanningYears = 2;

    public SaveRepatriationValidator(TimeProvider clock)
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.FromCountry).NotEmpty().Country();
        RuleFor(x => x.ToCountry).NotEmpty().Country();
        RuleFor(x => x.PartnerKind).NotNull().IsInEnum();
        RuleFor(x => x.PartnerName).NotEmpty().MaximumLength(MaxPartnerNameLength).Line();
        RuleFor(x => x.PartnerContact).MaximumLength(MaxPartnerContactLength).Line();
        RuleFor(x => x.PlannedTravelOn)
            .Must(d => d is null || (d >= CaseDates.Earliest && d <= CaseDates.Today(clock).AddYears(MaxPlanningYears)))
            .WithMessage($"A planned journey lies between {CaseDates.Earliest:yyyy-MM-dd} and {MaxPlanningYears} years ahead.")
            .WithErrorCode("Date.PlannedJourney").WithMessageValues(("Earliest", CaseDates.Earliest), ("Years", MaxPlanningYears));
        RuleFor(x => x.ActualTravelOn).CaseDate(clock);
    }
}
