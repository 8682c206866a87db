namespace CaseManagement.Application.Common.Security;

/// <summary>The OAuth scopes a platform administrator may grant a machine client.</summary>
public static class MachineScopes
{
    /// <summary>Anonymised statistics: the releases and their ledger, nothing else.</summary>
    public const string StatisticsRead = "stats.read";
}
