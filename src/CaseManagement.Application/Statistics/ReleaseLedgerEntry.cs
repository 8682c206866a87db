namespace CaseManagement.Application.Statistics;

/// <summary>A line of the release ledger: what was published for which period, when, under which parameters, with which hash.</summary>
public sealed record ReleaseLedgerEntry(string Period, int Revision, DateTimeOffset FrozenAt, IReadOnlyList<string> Tables, int Threshold, double? Epsilon, string ContentHash);
