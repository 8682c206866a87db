using CaseManagement.Domain.Facilities;

namespace CaseManagement.Application.Services;

public sealed record AdmissionDto(Guid Id, Guid EpisodeId, Guid FacilityId, DateOnly AdmittedOn, DateOnly? DischargedOn)
{
    internal static AdmissionDto From(Admission a) => new(a.Id, a.EpisodeId, a.FacilityId, a.AdmittedOn, a.DischargedOn);
}
