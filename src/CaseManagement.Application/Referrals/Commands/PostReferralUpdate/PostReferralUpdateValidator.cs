using CaseManagement.Application.Cases;
using FluentValidation;

namespace CaseManagement.Application.Referrals.Commands.PostReferralUpdate;

public sealed class PostReferralUpdateValidator : AbstractValidator<PostReferralUpdateCommand>
{
    public PostReferralUpdateValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Service).IsInEnum();
        RuleFor(x => x.On).CaseDate(clock);
    }
}
