using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Services;
using FluentValidation;

namespace CaseManagement.Application.Services.Commands.AddLabourStep;

public sealed class AddLabourStepValidator : AbstractValidator<AddLabourStepCommand>
{
    public const int MaxLength = 200;

    public AddLabourStepValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.Date).CaseDate(clock);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(MaxLength).Line();
        RuleFor(x => x.EmployerName).MaximumLength(MaxLength).Line();
        RuleFor(x => x.EmployerName).NotEmpty().When(x => x.Kind == LabourStepKind.JobPlacement)
            .WithMessage("A job placement names its employer.").WithErrorCode("LabourStep.EmployerNeeded");
        RuleFor(x => x.EmployerName).Null().When(x => x.Kind is LabourStepKind.Course or LabourStepKind.Qualification)
            .WithMessage("Only a job placement names an employer.").WithErrorCode("LabourStep.EmployerNotNeeded");
    }
}
