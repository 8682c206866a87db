namespace CaseManagement.Domain.LegalCases;

/// <summary>What a lawyer records and edits about a legal case.</summary>
public sealed record LegalCaseDetails(
    VenueKind VenueKind,
    string VenueName,
    string FileNumber,
    string OffenceCategory,
    ProceduralRole ProceduralRole,
    IReadOnlyCollection<ProtectiveMeasure> ProtectiveMeasures,
    CivilClaim Claim);
