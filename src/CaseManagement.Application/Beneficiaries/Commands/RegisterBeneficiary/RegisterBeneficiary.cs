using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Beneficiaries.Commands.RegisterBeneficiary;

[Audited(AuditActions.Create, "Beneficiary")]
[RequiresRole(Roles.SocialWorker)]
public sealed record RegisterBeneficiaryCommand(BeneficiaryInput Beneficiary) : ICommand<RegisteredBeneficiary>;

/// <summary>The new id, and the people already on file who may be the same person.</summary>
public sealed record RegisteredBeneficiary(Guid Id, int Version, IReadOnlyList<BeneficiarySummary> PossibleDuplicates) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class RegisterBeneficiaryHandler(
    IApplicationDbContext db, IBlindIndexSearch index, IPlatformPseudonyms pseudonyms, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RegisterBeneficiaryCommand, RegisteredBeneficiary>
{
    public async ValueTask<RegisteredBeneficiary> Handle(RegisterBeneficiaryCommand command, CancellationToken cancellationToken)
    {
        var input = command.Beneficiary;
        var duplicates = await BeneficiaryDuplicates.FindAsync(
            db, index, input.NationalId, input.FullName, input.DateOfBirth, cancellationToken);

        var beneficiary = new Beneficiary(
            Guid.CreateVersion7(), user.RequireOrganisationId(), input.ToDetails(), input.ToProfile(), clock.GetUtcNow());
        beneficiary.SealPlatformPseudonym(pseudonyms.Seal(beneficiary.Details));
        db.Beneficiaries.Add(beneficiary);
        return new RegisteredBeneficiary(beneficiary.Id, beneficiary.Version, [.. duplicates.Select(BeneficiarySummary.From)]);
    }
}
