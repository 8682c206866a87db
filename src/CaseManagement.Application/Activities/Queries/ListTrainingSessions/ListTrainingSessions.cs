using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Activities.Queries.ListTrainingSessions;

/// <summary>The organisation's training sessions, newest first; not paged, as there are few.</summary>
[Audited(AuditActions.List, "TrainingSession")]
[RequiresRole(Roles.Coordinator)]
public sealed record ListTrainingSessionsQuery : IQuery<IReadOnlyList<TrainingSessionDto>>;

internal sealed class ListTrainingSessionsHandler(IApplicationDbContext db) : IQueryHandler<ListTrainingSessionsQuery, IReadOnlyList<TrainingSessionDto>>
{
    public async ValueTask<IReadOnlyList<TrainingSessionDto>> Handle(ListTrainingSessionsQuery query, CancellationToken cancellationToken)
    {
        var sessions = await db.TrainingSessions.AsNoTracking().Include(s => s.Participants).OrderByDescending(s => s.Date).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. sessions.Select(TrainingSessionDto.From)];
    }
}
