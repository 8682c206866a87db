using CaseManagement.Domain.Organisations;
using FluentValidation;

namespace CaseManagement.Application.Administration.Commands.SetRetention;

internal sealed class SetRetentionValidator : AbstractValidator<SetRetentionCommand>
{
    public SetRetentionValidator()
    {
        RuleFor(c => c.YearsAfterClosure).InclusiveBetween(1, Organisation.MaxRetentionYears).When(c => c.YearsAfterClosure is not null);
    }
}
