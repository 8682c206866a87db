using CaseManagement.Application.Beneficiaries;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence;

internal sealed class BlindIndexSearch(BlindIndexer indexer, AliasIndexes aliases, ApplicationDbContext db, ICurrentUser user) : IBlindIndexSearch
{
    public IQueryable<TEntity> WhereMayEqual<TEntity>(IQueryable<TEntity> source, string property, object value)
        where TEntity : class, IOrganisationOwned
    {
        var personal = PersonalDataModel.For(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no personal data.");
        var indexed = personal.Property(property);
        var column = indexed.IndexProperty ?? throw new InvalidOperationException($"{personal.Name}.{property} has no blind index.");
        int? hash = indexer.Compute(user.RequireOrganisationId(), personal.Name, indexed.Name, indexed.Index!.Normalise(value));
        return source.Where(e => EF.Property<int?>(e, column) == hash);
    }

    public IQueryable<Beneficiary> WhereNameMayEqual(IQueryable<Beneficiary> source, string name)
    {
        int? hash = aliases.ValueOf(user.RequireOrganisationId(), BeneficiaryMatching.NormaliseName(name));
        var entries = db.AliasIndexEntries;
        return source.Where(b => EF.Property<int?>(b, "FullNameIndex") == hash || entries.Any(a => a.BeneficiaryId == b.Id && a.Value == hash));
    }
}
