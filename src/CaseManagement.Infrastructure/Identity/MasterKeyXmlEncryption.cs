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
        var sealedKey = SealedBox.Seal(masterKey.DeriveKey(MasterKeyXmlDecryptor.Purpose), plaintext);

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
        var plaintext = SealedBox.Open(services.GetRequiredService<IMasterKeyProvider>().DeriveKey(Purpose), sealedKey);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    internal const string Purpose = "data-protection";
}
