using CaseManagement.Domain.Common;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// One blind index value of one of a beneficiary's aliases, computed under the full name's index
/// key, so that a search by name finds the person by an alias too. Aliases are a list, so their
/// index values live in rows of their own rather than in a column.
/// </summary>
public sealed class AliasIndexEntry(Guid id, Guid organisationId, Guid beneficiaryId, int value) : IOrganisationOwned
{
    public Guid Id { get; private set; } = id;

    public Guid OrganisationId { get; private set; } = organisationId;

    public Guid BeneficiaryId { get; private set; } = beneficiaryId;

    public int Value { get; private set; } = value;
}
