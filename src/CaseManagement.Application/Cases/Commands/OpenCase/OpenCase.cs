using CaseManagement.Application.Beneficiaries.Retention;
using CaseManagement.Application.Administration;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Commands.OpenCase;

[Audited(AuditActions.Create, "Case")]
[RequiresRole(Roles.SocialWorker)]
public sealed record OpenCaseCommand(Guid BeneficiaryId, DateOnly OpenedOn, Guid? AssignedWorkerId = null) : ICommand<CaseDto>;

internal sealed class OpenCaseHandler(IApplicationDbContext db, IIdentityAdministration identity, ICurrentUser user) : ICommandHandler<OpenCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(OpenCaseCommand command, CancellationToken cancellationToken)
    {
        // The query filter limits this to the caller's organisation: another NGO's person is "not found".
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == command.BeneficiaryId, cancellationToken))
        {
            throw new NotFoundException(nameof(Beneficiary), command.BeneficiaryId);
        }

        await db.EnsureNotErasedAsync(command.BeneficiaryId, cancellationToken);

        if (command.AssignedWorkerId is { } worker)
        {
            await identity.CaseWorkerAsync(user, worker, cancellationToken);
        }

        var opened = new Case(Guid.CreateVersion7(), user.RequireOrganisationId(), command.BeneficiaryId, command.OpenedOn, command.AssignedWorkerId);
        db.Cases.Add(opened);
        return CaseDto.From(opened);
    }
}
