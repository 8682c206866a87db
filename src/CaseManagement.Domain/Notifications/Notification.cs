using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Notifications;

/// <summary>
/// A reminder for one member of staff. It names what it is about by ids and a date only, so that
/// an inbox, an e-mail or a job's log never carries personal data. Its key makes a reminder exist
/// once per recipient: a job that runs twice, or on two servers, adds nothing the second time.
/// </summary>
public sealed class Notification : IOrganisationOwned
{
    public const int KeyMaxLength = 120;

    private Notification()
    {
        Key = string.Empty;
    }

    public Notification(Guid id, Guid organisationId, Guid recipientId, NotificationKind kind, string key, Guid? caseId, Guid subjectId, DateOnly dueOn, DateTimeOffset createdAt)
    {
        if (id == Guid.Empty || organisationId == Guid.Empty || recipientId == Guid.Empty || subjectId == Guid.Empty)
        {
            throw DomainException.Argument("notification.ids", "A notification needs an id, an organisation, a recipient and a subject.");
        }

        if (string.IsNullOrEmpty(key) || key.Length > KeyMaxLength)
        {
            throw DomainException.Argument("notification.key", "A notification needs a key.");
        }

        Id = id;
        OrganisationId = organisationId;
        RecipientId = recipientId;
        Kind = kind;
        Key = key;
        CaseId = caseId;
        SubjectId = subjectId;
        DueOn = dueOn;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid RecipientId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>What makes the reminder unique for its recipient, e.g. the hearing and how many days before.</summary>
    public string Key { get; private set; }

    /// <summary>The case it concerns; none for a referral the organisation has not accepted.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The hearing, follow-up, case or referral the notification is about.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The hearing's date, the follow-up's due date, the case's last activity, or the day a referral moved.</summary>
    public DateOnly DueOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>
    /// When the e-mail step took the reminder: a "you have a reminder" message went to the recipient's
    /// address, or there was none to send to. Null while no mail server is configured.
    /// </summary>
    public DateTimeOffset? MailedAt { get; private set; }

    /// <summary>Marking read twice keeps the first time.</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    public void MarkMailed(DateTimeOffset at) => MailedAt ??= at;
}
