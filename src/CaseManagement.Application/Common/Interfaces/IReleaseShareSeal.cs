namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Seals each member's shares of a frozen release's cells (its own, unsuppressed figures) for the
/// release's later revisions to be checked against; bound to the release, so they cannot be moved.
/// </summary>
public interface IReleaseShareSeal
{
    byte[] Seal(Guid releaseId, byte[] shares);

    /// <summary>The shares, or null when the value does not open (damaged, moved or sealed under another key).</summary>
    byte[]? Open(Guid releaseId, byte[] sealedShares);
}
