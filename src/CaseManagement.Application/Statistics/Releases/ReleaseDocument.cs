namespace CaseManagement.Application.Statistics.Releases;

/// <summary>
/// A set of figures as published: the yearly table and its breakdowns for one period. It holds
/// counts, category names and the period, never an id, a free text or a finer date.
/// </summary>
public sealed record ReleaseDocument(
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int? Revision,
    bool Provisional,
    SuppressionRule Suppression,
    AnnualFigures Annual,
    IReadOnlyList<ReleaseTable> Tables);
