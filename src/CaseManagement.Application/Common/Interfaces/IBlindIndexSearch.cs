using CaseManagement.Domain.Common;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// Equality search over encrypted properties. A blind index is deliberately truncated, so the
/// result holds false positives: callers compare the decrypted values exactly afterwards.
/// </summary>
public interface IBlindIndexSearch
{
    /// <summary>Rows of the current organisation whose indexed <paramref name="property"/> may equal <paramref name="value"/>.</summary>
    IQueryable<TEntity> WhereMayEqual<TEntity>(IQueryable<TEntity> source, string property, object value)
        where TEntity : class, IOrganisationOwned;

    /// <summary>Beneficiaries whose full name, or one of whose aliases, may equal <paramref name="name"/>.</summary>
    IQueryable<Domain.Beneficiaries.Beneficiary> WhereNameMayEqual(IQueryable<Domain.Beneficiaries.Beneficiary> source, string name);
}
