using CaseManagement.Application.Common.Auditing;
using CaseManagement.Domain.Facilities;

namespace CaseManagement.Application.Facilities;

public sealed record FacilityDto(Guid Id, int Version, string Name, string? Address, int Places, bool Active) : IAuditedEntity
{
    Guid IAuditedEntity.AuditedEntityId => Id;

    internal static FacilityDto From(Facility f) => new(f.Id, f.Version, f.Name, f.Address, f.Places, f.Active);
}
