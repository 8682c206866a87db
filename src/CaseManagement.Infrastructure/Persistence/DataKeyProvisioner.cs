using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Crypto;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Adds a new organisation's first data key to the command's own context, so that the key and the
/// organisation are committed together, in one transaction, or not at all.
/// </summary>
internal sealed class DataKeyProvisioner(KeyRing keys, ApplicationDbContext db) : IDataKeyProvisioner
{
    public void Provision(Guid organisationId) => db.OrganisationKeys.Add(keys.CreateKey(organisationId, 1));
}
