using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>AES-GCM under a key derived from the master key, with the release's id as associated data.</summary>
internal sealed class ReleaseShareSeal(IMasterKeyProvider masterKey) : IReleaseShareSeal
{
    private readonly Lazy<byte[]> _key = new(() => masterKey.DeriveKey("statistics-release-shares"));

    public byte[] Seal(Guid releaseId, byte[] shares) => SealedBox.Seal(_key.Value, shares, releaseId.ToByteArray());

    public byte[]? Open(Guid releaseId, byte[] sealedShares) => SealedBox.TryOpen(_key.Value, sealedShares, releaseId.ToByteArray());
}
