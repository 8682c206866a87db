using CaseManagement.Domain.LegalCases;

namespace CaseManagement.Application.LegalCases;

/// <summary>What a lawyer records about a legal case, when opening it and on every update.</summary>
public record LegalCaseInput
{
    /// <summary>The case's episode of criminal-procedure assistance this legal case belongs to, if any.</summary>
    public Guid? ServiceEpisodeId { get; init; }

    public required VenueKind? VenueKind { get; init; }

    public required string VenueName { get; init; }

    public required string FileNumber { get; init; }

    /// <summary>One of the configured codes (<c>GET /api/v1/legal-cases/offence-categories</c>).</summary>
    public required string OffenceCategory { get; init; }

    public required ProceduralRole? ProceduralRole { get; init; }

    public IReadOnlyList<ProtectiveMeasure> ProtectiveMeasures { get; init; } = [];

    public decimal? AmountClaimed { get; init; }

    public decimal? AmountAwarded { get; init; }

    public decimal? AmountPaid { get; init; }

    /// <summary>ISO 4217 code of the claim's amounts.</summary>
    public string? Currency { get; init; }

    internal LegalCaseDetails ToDetails() =>
        new(VenueKind!.Value, VenueName.Trim(), FileNumber.Trim(), OffenceCategory, ProceduralRole!.Value, ProtectiveMeasures,
            new CivilClaim(AmountClaimed, AmountAwarded, AmountPaid, Currency));
}
