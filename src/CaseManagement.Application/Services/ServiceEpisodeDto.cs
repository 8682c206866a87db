using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Services;

public sealed record ServiceEpisodeDto(Guid Id, Guid CaseId, ServiceType Type, DateOnly StartDate, DateOnly? EndDate, EpisodeStatus Status)
{
    internal static ServiceEpisodeDto From(ServiceEpisode e) => new(e.Id, e.CaseId, e.Type, e.StartDate, e.EndDate, e.Status);
}
