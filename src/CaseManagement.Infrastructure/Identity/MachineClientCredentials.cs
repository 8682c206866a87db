using CaseManagement.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Identity;

internal sealed class MachineClientCredentials(IOptions<CaseManagementIdentityOptions> options) : IMachineClientCredentials
{
    public bool ClientSecretsAllowed => options.Value.AllowClientSecrets;

    public string? RefusalReason(string publicKeyPem)
    {
        ClientPublicKeys.Read(publicKeyPem, out var problem);
        return problem;
    }
}
