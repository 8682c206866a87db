using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.LegalCases;

/// <summary>
/// A hearing of a legal case. Court, purpose and outcome say where and why the victim appears, so
/// they are encrypted; the time stays in clear for reminders. A hearing is "next" while it has no outcome.
/// </summary>
public sealed class Hearing : IOrganisationOwned, IVersioned
{
    private Hearing()
    {
        Court = string.Empty;
    }

    public Hearing(Guid id, LegalCase legalCase, DateTimeOffset scheduledAt, string court, string? purpose)
        : this()
    {
        ArgumentNullException.ThrowIfNull(legalCase);
        if (string.IsNullOrWhiteSpace(court))
        {
            throw DomainException.Argument("hearing.court", "A hearing needs a court.");
        }

        Id = id;
        OrganisationId = legalCase.OrganisationId;
        LegalCaseId = legalCase.Id;
        // Stored in UTC: PostgreSQL keeps no offsets, and reminders compare instants.
        ScheduledAt = scheduledAt.ToUniversalTime();
        Court = court;
        Purpose = purpose;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid LegalCaseId { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    [PersonalData]
    public string Court { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Purpose { get; private set; }

    [PersonalData(FreeText = true)]
    public string? Outcome { get; private set; }

    /// <summary>When the outcome was recorded; in clear, so that hearings still ahead are found without decrypting.</summary>
    public DateTimeOffset? OutcomeRecordedAt { get; private set; }

    /// <summary>Records what happened at the hearing, once it has taken place.</summary>
    public void RecordOutcome(string outcome, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw DomainException.Argument("hearing.outcome", "An outcome needs content.");
        }

        if (OutcomeRecordedAt is not null)
        {
            throw DomainException.State("hearing.outcome-recorded", "The hearing's outcome is already recorded.");
        }

        if (ScheduledAt > now)
        {
            throw DomainException.State("hearing.not-held", "A hearing's outcome is recorded after it took place.");
        }

        Outcome = outcome;
        OutcomeRecordedAt = now.ToUniversalTime();
        Version++;
    }

    /// <summary>The hearing the court set at this one, before the same court.</summary>
    public Hearing ScheduleNext(Guid id, LegalCase legalCase, DateTimeOffset at, string? purpose)
    {
        if (at <= ScheduledAt)
        {
            throw DomainException.Argument("hearing.next-before", "The next hearing comes after this one.");
        }

        return new Hearing(id, legalCase, at, Court, purpose);
    }
}
