using System.Security.Cryptography;
using System.Text;
using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>HMAC-SHA256 under a key derived from the master key for this purpose alone.</summary>
public sealed class RequestFingerprints(IMasterKeyProvider masterKey) : IRequestFingerprints
{
    private readonly Lazy<byte[]> _key = new(() => masterKey.DeriveKey("request-fingerprint"));

    public string Of(string text) => Convert.ToHexString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(text)));
}
