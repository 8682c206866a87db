namespace CaseManagement.Application.Common.Interfaces;

/// <summary>What a machine client may authenticate with: a public key of its own, or a secret only where configured.</summary>
public interface IMachineClientCredentials
{
    /// <summary>True only when configuration allows shared client secrets (Identity:AllowClientSecrets).</summary>
    bool ClientSecretsAllowed { get; }

    /// <summary>Why the PEM text is not an acceptable public key, or null when it is. Never repeats the text.</summary>
    string? RefusalReason(string publicKeyPem);
}
