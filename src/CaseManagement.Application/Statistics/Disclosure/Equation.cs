namespace CaseManagement.Application.Statistics.Disclosure;

/// <summary>One additive relation a reader of a release can rely on: the total cell equals the sum of its members.</summary>
public sealed record Equation(int Total, IReadOnlyList<int> Members);
