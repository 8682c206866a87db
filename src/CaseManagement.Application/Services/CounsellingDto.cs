using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

/// <summary>A counselling episode's kind; null until it is set.</summary>
public sealed record CounsellingDto(Guid EpisodeId, CounsellingKind? Kind);
