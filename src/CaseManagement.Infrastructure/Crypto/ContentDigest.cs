using System.Security.Cryptography;
using CaseManagement.Application.Common.Interfaces;

namespace CaseManagement.Infrastructure.Crypto;

internal sealed class ContentDigest : IContentDigest
{
    public string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
