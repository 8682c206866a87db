namespace CaseManagement.Domain.Activities;

/// <summary>How many people of one profession a training session had.</summary>
public sealed class TrainingParticipants
{
    private TrainingParticipants()
    {
    }

    internal TrainingParticipants(Guid sessionId, ProfessionalCategory category, int count)
    {
        SessionId = sessionId;
        Category = category;
        Count = count;
    }

    public Guid SessionId { get; private set; }

    public ProfessionalCategory Category { get; private set; }

    public int Count { get; private set; }
}
