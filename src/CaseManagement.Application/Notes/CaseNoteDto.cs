using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Notes;

public sealed record CaseNoteDto(Guid Id, Guid CaseId, Guid AuthorId, NoteSensitivity Sensitivity, string Content, DateTimeOffset WrittenAt)
{
    internal static CaseNoteDto From(CaseNote n) => new(n.Id, n.CaseId, n.AuthorId, n.Sensitivity, n.Content, n.WrittenAt);
}
