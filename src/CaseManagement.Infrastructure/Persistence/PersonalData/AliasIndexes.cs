using CaseManagement.Application.Beneficiaries;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>Keeps each new or changed beneficiary's alias index rows in step with its aliases, in the same save.</summary>
public sealed class AliasIndexes(BlindIndexer indexer)
{
    public async Task SyncAsync(DbContext context, CancellationToken cancellationToken)
    {
        var people = context.ChangeTracker.Entries<Beneficiary>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        if (people.Count == 0)
        {
            return;
        }

        var ids = people.Select(p => p.Id).ToList();
        var existing = await context.Set<AliasIndexEntry>().IgnoreQueryFilters().Where(a => ids.Contains(a.BeneficiaryId)).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            var wanted = person.Aliases.Select(BeneficiaryMatching.NormaliseName).Where(n => n.Length > 0)
                .Select(n => ValueOf(person.OrganisationId, n)).ToHashSet();
            var have = existing.Where(a => a.BeneficiaryId == person.Id).ToList();
            context.RemoveRange(have.Where(a => !wanted.Contains(a.Value)));
            context.AddRange(wanted.Except(have.Select(a => a.Value)).Select(v => new AliasIndexEntry(Guid.CreateVersion7(), person.OrganisationId, person.Id, v)));
        }
    }

    /// <summary>The index value of a normalised name, comparable with the full name's index column.</summary>
    public int ValueOf(Guid organisationId, string normalisedName) =>
        indexer.Compute(organisationId, nameof(Beneficiary), nameof(Beneficiary.FullName), normalisedName);
}
