using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// Seals the Data Protection key ring (sign-in cookies, antiforgery tokens) kept in the database
/// with AES-256-GCM under a key derived from the master key, so that reading that table does not
/// let anyone forge a sign-in.
/// </summary>
internal sealed class MasterKeyXmlEncryptor(IMasterKeyProvider masterKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedKey = new byte[12 + plaintext.Length + 16];
        RandomNumberGenerator.Fill(sealedKey.AsSpan(0, 12));
        using (var aes = new AesGcm(masterKey.DeriveKey(MasterKeyXmlDecryptor.Purpose), 16))
        {
            aes.Encrypt(sealedKey.AsSpan(0, 12), plaintext, sealedKey.AsSpan(12, plaintext.Length), sealedKey.AsSpan(12 + plaintext.Length));
        }

        var element = new XElement("sealedKey",
            new XComment(" AES-256-GCM under a key derived from the CaseManagement master key "),
            new XElement("value", Convert.ToBase64String(sealedKey)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; Data Protection creates it by type name.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var sealedKey = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[sealedKey.Length - 12 - 16];
        using (var aes = new AesGcm(services.GetRequiredService<IMasterKeyProvider>().DeriveKey(Purpose), 16))
        {
            aes.Decrypt(sealedKey.AsSpan(0, 12), sealedKey.AsSpan(12, plaintext.Length), sealedKey.AsSpan(12 + plaintext.Length), plaintext);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    internal const string Purpose = "data-protection";
}
