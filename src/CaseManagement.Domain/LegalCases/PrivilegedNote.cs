using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.LegalCases;

/// <summary>A lawyer's privileged note on a legal case: encrypted, and read by the organisation's lawyers only.</summary>
public sealed class PrivilegedNote : IOrganisationOwned
{
    private PrivilegedNote()
    {
        Content = string.Empty;
    }

    public PrivilegedNote(Guid id, LegalCase legalCase, Guid authorId, string content, DateTimeOffset writtenAt)
        : this()
    {
        ArgumentNullException.ThrowIfNull(legalCase);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw DomainException.Argument("note.empty", "A note needs content.");
        }

        Id = id;
        OrganisationId = legalCase.OrganisationId;
        LegalCaseId = legalCase.Id;
        AuthorId = authorId;
        Content = content;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid LegalCaseId { get; private set; }

    public Guid AuthorId { get; private set; }

    [PersonalData(FreeText = true)]
    public string Content { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }
}
