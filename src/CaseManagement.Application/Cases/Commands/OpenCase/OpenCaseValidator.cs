using FluentValidation;

namespace CaseManagement.Application.Cases.Commands.OpenCase;

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator(TimeProvider clock)
    {
        RuleFor(x => x.BeneficiaryId).NotEmpty();
        RuleFor(x => x.OpenedOn).NotEmpty().Must(d => d <= CaseDates.LatestAllowed(clock))
            .WithMessage("A case cannot open in the future.");
        RuleFor(x => x.AssignedWorkerId).Must(id => id != Guid.Empty).WithMessage("Give a worker id or none.");
    }
}
