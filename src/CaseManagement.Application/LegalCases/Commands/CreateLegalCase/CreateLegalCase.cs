using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.LegalCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Commands.CreateLegalCase;

/// <summary>Opens a legal case on a case of the organisation, assigned to the lawyer who opens it, at its first known stage.</summary>
[Audited(AuditActions.Create, "LegalCase")]
[RequiresRole(Roles.Lawyer)]
public sealed record CreateLegalCaseCommand(Guid CaseId, LegalCaseInput Input, LegalStage? Stage, DateOnly OpenedOn) : ICommand<LegalCaseDto>;

internal sealed class CreateLegalCaseHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<CreateLegalCaseCommand, LegalCaseDto>
{
    public async ValueTask<LegalCaseDto> Handle(CreateLegalCaseCommand command, CancellationToken cancellationToken)
    {
        // The lawyer reads no case: the case is loaded only to check that it is the organisation's and open.
        var found = (await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken)).OwnedBy(user, command.CaseId);
        var episode = await db.EpisodeAsync(found.Id, command.Input.ServiceEpisodeId, cancellationToken);
        var lawyer = user.RequireUserId();
        var opened = new LegalCase(Guid.CreateVersion7(), found, episode, lawyer, command.Input.ToDetails(), (Guid.CreateVersion7(), command.Stage!.Value), command.OpenedOn);
        db.LegalCases.Add(opened);
        return LegalCaseDto.From(opened, null);
    }
}
