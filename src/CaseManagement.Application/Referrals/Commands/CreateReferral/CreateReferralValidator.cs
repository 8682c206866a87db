using CaseManagement.Application.Common.Validation;
using CaseManagement.Domain.Referrals;
using FluentValidation;

namespace CaseManagement.Application.Referrals.Commands.CreateReferral;

public sealed class CreateReferralValidator : AbstractValidator<CreateReferralCommand>
{
    public const int MaxReasonLength = 2000;

    public CreateReferralValidator()
    {
        // The key comes in a header; the error names the header.
        RuleFor(x => x.IdempotencyKey).Must(k => k.Length is > 0 and <= SentReferral.MaxIdempotencyKeyLength && k.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            .OverridePropertyName("Idempotency-Key").WithMessage("Send an Idempotency-Key header of 1 to 100 letters, digits or . _ : - (a new UUID per referral).")
            .WithErrorCode("Referral.IdempotencyKey");
        RuleFor(x => x.Services).NotEmpty().Must(l => l.Distinct().Count() == l.Count).WithMessage("Name each service once.").WithErrorCode("List.ServicesOnce");
        RuleForEach(x => x.Services).IsInEnum();
        RuleFor(x => x.Urgency).IsInEnum();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(MaxReasonLength).Paragraph();
        RuleFor(x => x.Shared).NotNull().Must(l => l.Distinct().Count() == l.Count).WithMessage("Name each data item once.").WithErrorCode("List.DataItemsOnce");
        RuleForEach(x => x.Shared).IsInEnum().Must(d => d != ReferralData.None).WithMessage("Name a data item.").WithErrorCode("Referral.DataItem");
    }
}
