namespace CaseManagement.Application.Common.Interfaces;

/// <summary>Creates an organisation's first data key, committed on its own before any data needs it.</summary>
public interface IDataKeyProvisioner
{
    Task ProvisionAsync(Guid organisationId, CancellationToken cancellationToken);
}
