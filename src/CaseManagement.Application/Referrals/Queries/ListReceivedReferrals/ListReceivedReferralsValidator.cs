using FluentValidation;

namespace CaseManagement.Application.Referrals.Queries.ListReceivedReferrals;

public sealed class ListReceivedReferralsValidator : AbstractValidator<ListReceivedReferralsQuery>
{
    public ListReceivedReferralsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
    }
}
