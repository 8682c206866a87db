using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Reads the public key a machine client registers (PEM SubjectPublicKeyInfo, as
/// <c>openssl pkey -pubout</c> prints it) and turns it into the JSON Web Key its client assertions
/// are checked against. Only keys strong enough for ASVS are taken: RSA of 2048 to 8192 bits, EC on
/// P-256 or P-384. The reasons never repeat the submitted text.
/// </summary>
internal static class ClientPublicKeys
{
    /// <summary>An RSA 8192-bit key is about 1,500 characters of PEM; anything much longer is not a key.</summary>
    public const int MaxPemLength = 4096;

    private const string PublicKeyLabel = "PUBLIC KEY";

    /// <summary>The signing key, or null with the reason it is refused.</summary>
    public static JsonWebKey? Read(string pem, out string? problem)
    {
        problem = null;
        if (pem.Length > MaxPemLength)
        {
            problem = $"The key is longer than {MaxPemLength} characters.";
            return null;
        }

        // Anything that looks like private material is refused outright, wherever it sits in the text.
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            problem = "This is a private key. Send only the public key (openssl pkey -in key.pem -pubout).";
            return null;
        }

        if (!PemEncoding.TryFind(pem, out var fields)
            || !pem.AsSpan()[fields.Label].SequenceEqual(PublicKeyLabel)
            || !string.IsNullOrWhiteSpace(pem[..fields.Location.Start.Value] + pem[fields.Location.End.Value..]))
        {
            problem = "Give one PEM public key: \"-----BEGIN PUBLIC KEY-----\" … \"-----END PUBLIC KEY-----\" (openssl pkey -pubout), and nothing else.";
            return null;
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out var written) || written != der.Length)
        {
            problem = "The key's base64 text is damaged.";
            return null;
        }

        try
        {
            var key = PublicKey.CreateFromSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length)
            {
                problem = "The key has trailing data.";
                return null;
            }

            return ToJsonWebKey(key, out problem);
        }
        catch (CryptographicException)
        {
            problem = "The key could not be read as an RSA or EC public key.";
            return null;
        }
    }

    /// <summary>The RFC 7638 thumbprint (SHA-256, base64url) that names the key to administrators and in the assertion's "kid".</summary>
    public static string Thumbprint(JsonWebKey key) => Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());

    private static JsonWebKey? ToJsonWebKey(PublicKey key, out string? problem)
    {
        problem = null;
        JsonWebKey jwk;
        if (key.GetRSAPublicKey() is { } rsa)
        {
            using (rsa)
            {
                var parameters = rsa.ExportParameters(includePrivateParameters: false);
                if (rsa.KeySize is < 2048 or > 8192)
                {
                    problem = "An RSA key must have 2048 to 8192 bits (3072 is a good choice).";
                    return null;
                }

                // A public exponent that is even or 1 makes no RSA key; 3 and 65537 are the usual ones.
                if (parameters.Exponent is not { Length: > 0 } exponent || (exponent[^1] & 1) == 0 || exponent is [1])
                {
                    problem = "The RSA key's public exponent is not valid.";
                    return null;
                }

                jwk = new JsonWebKey
                {
                    Kty = JsonWebAlgorithmsKeyTypes.RSA,
                    N = Base64UrlEncoder.Encode(parameters.Modulus),
                    E = Base64UrlEncoder.Encode(exponent),
                };
            }
        }
        else if (key.GetECDsaPublicKey() is { } ec)
        {
            using (ec)
            {
                var parameters = ec.ExportParameters(includePrivateParameters: false);
                var curve = parameters.Curve.IsNamed ? parameters.Curve.Oid.Value : null;
                var name = curve switch
                {
                    "1.2.840.10045.3.1.7" => JsonWebKeyECTypes.P256,
                    "1.3.132.0.34" => JsonWebKeyECTypes.P384,
                    _ => null,
                };
                if (name is null)
                {
                    problem = "An EC key must be on the curve P-256 or P-384.";
                    return null;
                }

                jwk = new JsonWebKey
                {
                    Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
                    Crv = name,
                    X = Base64UrlEncoder.Encode(parameters.Q.X),
                    Y = Base64UrlEncoder.Encode(parameters.Q.Y),
                };
            }
        }
        else
        {
            problem = "Only RSA and EC (P-256, P-384) keys are accepted.";
            return null;
        }

        jwk.Use = JsonWebKeyUseNames.Sig;
        jwk.Kid = Thumbprint(jwk);
        return jwk;
    }
}
