namespace CaseManagement.Application.Common.Interfaces;

/// <summary>An unkeyed content hash anyone can recompute: the release ledger's proof that a file is the one it lists.</summary>
public interface IContentDigest
{
    /// <summary>SHA-256, 64 lower-case hex digits.</summary>
    string Sha256(ReadOnlySpan<byte> content);
}
