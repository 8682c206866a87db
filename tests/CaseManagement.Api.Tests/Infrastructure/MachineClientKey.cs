using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseManagement.Api.Tests.Infrastructure;

/// <summary>
/// A machine client's key pair, made in the test, and the client assertions (RFC 7523) it signs the
/// way a real client would: iss = sub = client id, aud = the server's issuer, a jti, a short exp.
/// </summary>
public sealed class MachineClientKey : IDisposable
{
    /// <summary>What the test host's OpenIddict takes as its issuer (it is taken from the request's host).</summary>
    public const string TestIssuer = "http://localhost/";

    private readonly AsymmetricAlgorithm _key;
    private readonly SigningCredentials _credentials;

    private MachineClientKey(AsymmetricAlgorithm key, SecurityKey securityKey, string algorithm)
    {
        _key = key;
        _credentials = new SigningCredentials(securityKey, algorithm);
    }

    /// <summary>An RSA key: 3072 bits unless a test wants a weak one.</summary>
    public static MachineClientKey Rsa(int bits = 3072)
    {
        var rsa = RSA.Create(bits);
        return new MachineClientKey(rsa, new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
    }

    /// <summary>An EC P-256 key: quick to make, for tests that only need some valid key.</summary>
    public static MachineClientKey EcP256()
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new MachineClientKey(ec, new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>The public key as <c>openssl pkey -pubout</c> prints it.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The private key (PKCS#8 PEM), which a registration must refuse.</summary>
    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>A signed client assertion; every part can be varied to make a bad one.</summary>
    public string Assertion(
        string clientId, TimeSpan? expiresIn = null, string? jwtId = null, string audience = TestIssuer, DateTime? now = null, string type = "client-authentication+jwt")
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var expires = issuedAt + (expiresIn ?? TimeSpan.FromMinutes(1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["jti"] = jwtId ?? Guid.NewGuid().ToString("N"),
                ["iat"] = EpochTime.GetIntDate(issuedAt),
                ["exp"] = EpochTime.GetIntDate(expires),
            },
            TokenType = type,
            SigningCredentials = _credentials,
        });
    }

    public void Dispose() => _key.Dispose();
}
