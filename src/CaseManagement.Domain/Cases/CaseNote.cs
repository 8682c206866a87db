using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Cases;

/// <summary>A progress entry in a case. Its content is personal data.</summary>
public sealed class CaseNote : IOrganisationOwned
{
    private CaseNote()
    {
        Content = string.Empty;
    }

    public CaseNote(Guid id, Case @case, Guid authorId, NoteSensitivity sensitivity, string content, DateTimeOffset writtenAt)
        : this()
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw DomainException.Argument("note.empty", "A note needs content.");
        }

        Id = id;
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        AuthorId = authorId;
        Sensitivity = sensitivity;
        Content = content;
        WrittenAt = writtenAt;
        @case.NoteAdded();
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AuthorId { get; private set; }

    public NoteSensitivity Sensitivity { get; private set; }

    [PersonalData(FreeText = true)]
    public string Content { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    /// <summary>Restricted notes are for their author and the case's designated counsellors.</summary>
    public bool IsVisibleTo(Guid userId, IEnumerable<Guid> designatedCounsellors) =>
        Sensitivity == NoteSensitivity.Ordinary || AuthorId == userId || designatedCounsellors.Contains(userId);
}
