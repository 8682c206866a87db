namespace CaseManagement.Application.Facilities;

/// <summary>How full one facility is: counts only, nothing about who stays there.</summary>
public sealed record FacilityOccupancyDto(Guid Id, string Name, bool Active, int Places, int Occupied, int Free);
