using CaseManagement.Domain.Activities;

namespace CaseManagement.Application.Activities;

/// <summary>How many people of one profession took part.</summary>
public sealed record ParticipantCount(ProfessionalCategory Category, int Count);
