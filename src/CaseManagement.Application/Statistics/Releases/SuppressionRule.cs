namespace CaseManagement.Application.Statistics.Releases;

/// <summary>What was done to the figures before they were published, stated in every file.</summary>
public sealed record SuppressionRule(int Threshold, string Rule);
