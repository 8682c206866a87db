using FluentValidation;

namespace CaseManagement.Application.Cases.Commands.DesignateCounsellor;

public sealed class DesignateCounsellorValidator : AbstractValidator<DesignateCounsellorCommand>
{
    public DesignateCounsellorValidator()
    {
        RuleFor(x => x.UserId).NotEmpty();
    }
}
