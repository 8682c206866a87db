namespace CaseManagement.Application.Common.Interfaces;

/// <summary>Creates an organisation's first data key, saved with the command that creates the organisation.</summary>
public interface IDataKeyProvisioner
{
    void Provision(Guid organisationId);
}
