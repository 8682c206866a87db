using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Application.LegalCases;

/// <summary>A legal case as lawyers see it: everything, with its stage history and next hearing.</summary>
public sealed record LegalCaseDto(
    Guid Id,
    int Version,
    Guid CaseId,
    Guid? ServiceEpisodeId,
    Guid AssignedLawyerId,
    VenueKind VenueKind,
    string VenueName,
    string FileNumber,
    string OffenceCategory,
    LegalStage Stage,
    ProceduralRole ProceduralRole,
    IReadOnlyList<ProtectiveMeasure> ProtectiveMeasures,
    decimal? AmountClaimed,
    decimal? AmountAwarded,
    decimal? AmountPaid,
    string? Currency,
    DateOnly OpenedOn,
    DateTimeOffset? NextHearingAt,
    IReadOnlyList<LegalStageChangeDto> StageHistory) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    internal static LegalCaseDto From(LegalCase l, DateTimeOffset? nextHearingAt) =>
        new(l.Id, l.Version, l.CaseId, l.ServiceEpisodeId, l.AssignedLawyerId, l.VenueKind, l.VenueName, l.FileNumber, l.OffenceCategory,
            l.Stage, l.ProceduralRole, l.ProtectiveMeasures, l.AmountClaimed, l.AmountAwarded, l.AmountPaid, l.Currency, l.OpenedOn, nextHearingAt,
            [.. l.StageChanges.OrderBy(c => c.Date).ThenBy(c => c.Stage).Select(c => new LegalStageChangeDto(c.Stage, c.Date, c.RecordedBy))]);
}
