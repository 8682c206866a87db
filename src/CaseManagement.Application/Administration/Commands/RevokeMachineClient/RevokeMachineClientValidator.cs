using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.RevokeMachineClient;

public sealed class RevokeMachineClientValidator : AbstractValidator<RevokeMachineClientCommand>
{
    public RevokeMachineClientValidator()
    {
        RuleFor(x => x.ClientId).NotEmpty().MaximumLength(100).Line();
    }
}
