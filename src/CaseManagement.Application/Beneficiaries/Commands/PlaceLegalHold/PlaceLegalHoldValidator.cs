using FluentValidation;

namespace CaseManagement.Application.Beneficiaries.Commands.PlaceLegalHold;

internal sealed class PlaceLegalHoldValidator : AbstractValidator<PlaceLegalHoldCommand>
{
    public PlaceLegalHoldValidator()
    {
        RuleFor(c => c.Reason).IsInEnum();
    }
}
