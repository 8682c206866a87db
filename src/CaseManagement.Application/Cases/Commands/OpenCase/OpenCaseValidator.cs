using FluentValidation;

namespace CaseManagement.Application.Cases.Commands.OpenCase;

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator(TimeProvider clock)
    {
        RuleFor(x => x.BeneficiaryId).NotEmpty();
        RuleFor(x => x.OpenedOn).CaseDate(clock);
        RuleFor(x => x.AssignedWorkerId).Must(id => id != Guid.Empty).WithMessage("Give a worker id or none.").WithErrorCode("Case.WorkerId");
    }
}
