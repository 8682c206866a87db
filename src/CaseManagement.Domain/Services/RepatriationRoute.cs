namespace CaseManagement.Domain.Services;

/// <summary>
/// Where a repatriation goes and with whom. Countries are ISO 3166-1 alpha-2 codes; the partner's
/// name and contact are personal data of the repatriation that holds them.
/// </summary>
public sealed record RepatriationRoute(
    string FromCountry,
    string ToCountry,
    PartnerKind PartnerKind,
    string PartnerName,
    string? PartnerContact,
    DateOnly? PlannedTravelOn,
    DateOnly? ActualTravelOn);
