using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.LegalCases.Commands.UpdateLegalCase;

/// <summary>Replaces what the lawyer records (venue, file number, offence, standing, claim, linked episode, assigned lawyer); a stale version answers 409.</summary>
[Audited(AuditActions.Update, "LegalCase")]
[RequiresRole(Roles.Lawyer)]
public sealed record UpdateLegalCaseCommand(Guid Id, int? Version, Guid? AssignedLawyerId, LegalCaseInput Input) : ICommand<LegalCaseDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;
}

internal sealed class UpdateLegalCaseHandler(IApplicationDbContext db, IIdentityAdministration identity, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateLegalCaseCommand, LegalCaseDto>
{
    public async ValueTask<LegalCaseDto> Handle(UpdateLegalCaseCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LegalCaseAsync(user, command.Id, cancellationToken);
        db.ExpectVersion(found, command.Version!.Value);
        var lawyer = command.AssignedLawyerId!.Value;
        if (lawyer != found.AssignedLawyerId)
        {
            await identity.LawyerAsync(user, lawyer, cancellationToken);
        }

        found.Update(command.Input.ToDetails(), await db.EpisodeAsync(found.CaseId, command.Input.ServiceEpisodeId, cancellationToken), lawyer);
        return await db.DtoAsync(found, clock, cancellationToken);
    }
}
