using CaseManagement.Infrastructure.Crypto;
using Microsoft.IdentityModel.Tokens;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Tokens (access tokens, codes, refresh tokens) are encrypted with a 256-bit key derived from the master key,
/// not with an RSA certificate: opening an RSA-OAEP JWE costs a private-key operation on every request (about
/// 4 ms of CPU at 4096 bits), an AES key unwrap costs microseconds. Every replica holds the master key already,
/// so no new secret is distributed, and the key is never stored. ADR-004 records the reasoning.
/// </summary>
public static class TokenEncryptionKey
{
    public const string Purpose = "openiddict-token-encryption";

    public static EncryptingCredentials Credentials(IMasterKeyProvider masterKey) =>
        new(new SymmetricSecurityKey(masterKey.DeriveKey(Purpose)) { KeyId = "master-derived-1" },
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
}
