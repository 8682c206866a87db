using FluentValidation;

namespace CaseManagement.Application.Auditing.Queries.VerifyAuditChain;

public sealed class VerifyAuditChainValidator : AbstractValidator<VerifyAuditChainQuery>
{
    public VerifyAuditChainValidator()
    {
        RuleFor(x => x.ExpectedHeadSequence).GreaterThan(0);
        RuleFor(x => x.ExpectedHeadHash).Matches("^[0-9A-Fa-f]{64}$").WithMessage("A head hash is 64 hexadecimal digits.").WithErrorCode("Audit.HeadHash");
        RuleFor(x => x).Must(x => (x.ExpectedHeadSequence is null) == (x.ExpectedHeadHash is null))
            .WithName("expectedHead").WithMessage("Give both the head's sequence and its hash, or neither.").WithErrorCode("Audit.HeadPair");
    }
}
