using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.LegalCases;
using Mediator;

namespace CaseManagement.Application.LegalCases.Commands.AddHearing;

[Audited(AuditActions.Create, "LegalCase.Hearing")]
[RequiresRole(Roles.Lawyer)]
public sealed record AddHearingCommand(Guid LegalCaseId, DateTimeOffset? ScheduledAt, string Court, string? Purpose) : ICommand<HearingDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => LegalCaseId;
}

internal sealed class AddHearingHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<AddHearingCommand, HearingDto>
{
    public async ValueTask<HearingDto> Handle(AddHearingCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LegalCaseAsync(user, command.LegalCaseId, cancellationToken);
        var hearing = new Hearing(Guid.CreateVersion7(), found, command.ScheduledAt!.Value, command.Court.Trim(), command.Purpose);
        db.Hearings.Add(hearing);
        return HearingDto.From(hearing);
    }
}
