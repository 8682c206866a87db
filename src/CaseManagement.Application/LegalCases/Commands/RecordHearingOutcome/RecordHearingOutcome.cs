using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.LegalCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.LegalCases.Commands.RecordHearingOutcome;

/// <summary>Records what happened at a hearing that took place; the next hearing the court set, if given, is added.</summary>
[Audited(AuditActions.Update, "LegalCase.Hearing")]
[RequiresRole(Roles.Lawyer)]
public sealed record RecordHearingOutcomeCommand(Guid LegalCaseId, Guid HearingId, string Outcome, DateTimeOffset? NextScheduledAt, string? NextPurpose)
    : ICommand<HearingOutcomeDto>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => HearingId;
}

internal sealed class RecordHearingOutcomeHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordHearingOutcomeCommand, HearingOutcomeDto>
{
    public async ValueTask<HearingOutcomeDto> Handle(RecordHearingOutcomeCommand command, CancellationToken cancellationToken)
    {
        var found = await db.LegalCaseAsync(user, command.LegalCaseId, cancellationToken);
        var hearing = (await db.Hearings.SingleOrDefaultAsync(h => h.Id == command.HearingId && h.LegalCaseId == found.Id, cancellationToken))
            ?? throw new NotFoundException(nameof(Hearing), command.HearingId);
        hearing.RecordOutcome(command.Outcome, clock.GetUtcNow());
        Hearing? next = null;
        if (command.NextScheduledAt is { } at)
        {
            next = hearing.ScheduleNext(Guid.CreateVersion7(), found, at, command.NextPurpose);
            db.Hearings.Add(next);
        }

        return new HearingOutcomeDto(HearingDto.From(hearing), next is null ? null : HearingDto.From(next));
    }
}
