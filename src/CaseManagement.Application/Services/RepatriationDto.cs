using CaseManagement.Domain.Services;

namespace CaseManagement.Application.Services;

public sealed record RepatriationDto(
    Guid Id,
    Guid EpisodeId,
    int Version,
    string FromCountry,
    string ToCountry,
    PartnerKind PartnerKind,
    string PartnerName,
    string? PartnerContact,
    DateOnly? PlannedTravelOn,
    DateOnly? ActualTravelOn,
    RepatriationStatus Status,
    IReadOnlyList<RepatriationStepDto> History)
{
    internal static RepatriationDto From(Repatriation r) =>
        new(r.Id, r.EpisodeId, r.Version, r.FromCountry, r.ToCountry, r.PartnerKind, r.PartnerName, r.PartnerContact,
            r.PlannedTravelOn, r.ActualTravelOn, r.Status,
            [.. r.History.OrderBy(h => h.Status).Select(h => new RepatriationStepDto(h.Status, h.Date))]);
}
