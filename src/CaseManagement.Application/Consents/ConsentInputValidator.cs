using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Validation;
using FluentValidation;

namespace CaseManagement.Application.Consents;

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public const int MaxReferenceLength = 200;

    public ConsentInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.Scope).IsInEnum();
        RuleFor(x => x.Purposes).NotNull().Must(l => l.Distinct().Count() == l.Count).WithMessage("Name each service once.").WithErrorCode("List.ServicesOnce");
        RuleForEach(x => x.Purposes).IsInEnum();
        RuleFor(x => x.DataItems).NotNull().Must(l => l.Distinct().Count() == l.Count).WithMessage("Name each data item once.").WithErrorCode("List.DataItemsOnce");
        RuleForEach(x => x.DataItems).IsInEnum().Must(d => d != Domain.Referrals.ReferralData.None).WithMessage("Name a data item.").WithErrorCode("Referral.DataItem");
        RuleFor(x => x.Form).IsInEnum();
        RuleFor(x => x.DocumentReference).MaximumLength(MaxReferenceLength).Line();
        RuleFor(x => x.Witness).MaximumLength(MaxReferenceLength).Line();
        RuleFor(x => x.GivenOn).CaseDate(clock);
        RuleFor(x => x.RecipientOrganisationId).Must(id => id != Guid.Empty).WithMessage("Name an organisation, or none.").WithErrorCode("Consent.OrganisationId");
    }
}
