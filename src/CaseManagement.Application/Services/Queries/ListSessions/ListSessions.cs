using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Notes;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Services.Queries.ListSessions;

/// <summary>
/// A counselling episode's sessions, by date. A session's note is shown only to the note's author
/// and the case's designated counsellors, the readers of restricted notes.
/// </summary>
[Audited(AuditActions.List, "Case.Service.Session")]
[RequiresRole(Roles.SocialWorker)]
public sealed record ListSessionsQuery(Guid CaseId, Guid EpisodeId) : IQuery<IReadOnlyList<CounsellingSessionDto>>, IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => CaseId;
}

internal sealed class ListSessionsHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListSessionsQuery, IReadOnlyList<CounsellingSessionDto>>
{
    public async ValueTask<IReadOnlyList<CounsellingSessionDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var episode = await db.EpisodeAsync(user, query.CaseId, query.EpisodeId, ServiceType.Counselling, cancellationToken);
        var sessions = await db.CounsellingSessions.AsNoTracking().Where(s => s.EpisodeId == episode.Id)
            .OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var reader = user.RequireUserId();
        var noteIds = sessions.Where(s => s.NoteId is not null).Select(s => s.NoteId!.Value).ToList();
        var visible = await db.NotesReadableBy(episode.CaseId, reader).AsNoTracking().Where(n => noteIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.Content, cancellationToken);
        return [.. sessions.Select(s => CounsellingSessionDto.From(s, s.NoteId is { } id ? visible.GetValueOrDefault(id) : null))];
    }
}
