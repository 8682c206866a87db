using FluentValidation;

namespace CaseManagement.Application.Services.Commands.SetCounsellingKind;

public sealed class SetCounsellingKindValidator : AbstractValidator<SetCounsellingKindCommand>
{
    public SetCounsellingKindValidator()
    {
        RuleFor(x => x.Kind).NotNull().IsInEnum();
    }
}
