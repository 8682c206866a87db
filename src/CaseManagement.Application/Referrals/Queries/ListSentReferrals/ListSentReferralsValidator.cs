using FluentValidation;

namespace CaseManagement.Application.Referrals.Queries.ListSentReferrals;

public sealed class ListSentReferralsValidator : AbstractValidator<ListSentReferralsQuery>
{
    public ListSentReferralsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
    }
}
