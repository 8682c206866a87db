using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Activities;

/// <summary>A training session for professionals, with its participants counted by profession: an aggregate, no person in it.</summary>
public sealed class TrainingSession : IOrganisationOwned
{
    public const int MaxParticipants = 100_000;

    private readonly List<TrainingParticipants> _participants = [];

    private TrainingSession()
    {
        Topic = string.Empty;
    }

    public TrainingSession(Guid id, Guid organisationId, DateOnly date, string topic, IReadOnlyDictionary<ProfessionalCategory, int> participants, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(participants);
        if (id == Guid.Empty || organisationId == Guid.Empty)
        {
            throw DomainException.Argument("training.ids", "A training session needs an id and an organisation.");
        }

        if (participants.Count == 0 || participants.Values.Any(c => c is < 1 or > MaxParticipants))
        {
            throw DomainException.Argument("training.participants", "A training session counts at least one profession, each 1 to 100,000 people.");
        }

        Id = id;
        OrganisationId = organisationId;
        Date = date;
        Topic = topic;
        RecordedAt = recordedAt;
        _participants.AddRange(participants.OrderBy(p => p.Key).Select(p => new TrainingParticipants(id, p.Key, p.Value)));
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>What the session taught; encrypted, since free text may name someone.</summary>
    [PersonalData]
    public string Topic { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyCollection<TrainingParticipants> Participants => _participants;

    public int Total => _participants.Sum(p => p.Count);
}
