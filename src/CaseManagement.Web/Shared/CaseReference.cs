namespace CaseManagement.Web.Shared;

/// <summary>
/// How a case is named on screen without its beneficiary's name: the last eight hex digits of its
/// id, the random part of a version-7 id (the first part is its creation time).
/// </summary>
public static class CaseReference
{
    public static string Of(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();
}
