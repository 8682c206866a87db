namespace CaseManagement.Infrastructure.Crypto;

/// <summary>What a re-index did: rows read, and rows whose index (or alias index rows) it rewrote.</summary>
public readonly record struct ReIndexResult(int Read, int Changed)
{
    public static ReIndexResult operator +(ReIndexResult left, ReIndexResult right) =>
        new(left.Read + right.Read, left.Changed + right.Changed);
}
