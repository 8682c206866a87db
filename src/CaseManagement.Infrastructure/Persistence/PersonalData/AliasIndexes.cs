using CaseManagement.Application.Beneficiaries;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>Keeps each new or changed beneficiary's alias index rows in step with its aliases, in the same save.</summary>
public sealed class AliasIndexes(BlindIndexer indexer)
{
    public Task SyncAsync(DbContext context, CancellationToken cancellationToken) =>
        SyncAsync(context, [.. context.ChangeTracker.Entries<Beneficiary>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)], cancellationToken);

    /// <summary>Brings the alias index rows of <paramref name="people"/> in step; returns how many rows it adds or removes.</summary>
    public async Task<int> SyncAsync(DbContext context, IReadOnlyCollection<Beneficiary> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return 0;
        }

        var changes = 0;
        // A person being added has no stored rows yet: registering someone costs no read here.
        var ids = people.Where(p => context.Entry(p).State != EntityState.Added).Select(p => p.Id).ToList();
        if (ids.Count > 0)
        {
            await context.Set<AliasIndexEntry>().IgnoreQueryFilters().Where(a => ids.Contains(a.BeneficiaryId)).LoadAsync(cancellationToken);
        }

        foreach (var person in people)
        {
            var wanted = person.Aliases.Select(BeneficiaryMatching.NormaliseName).Where(n => n.Length > 0)
                .Select(n => ValueOf(person.OrganisationId, n)).ToHashSet();
            // What the context holds, not only what the query read: a second sync in one save sees the first one's work.
            var have = context.ChangeTracker.Entries<AliasIndexEntry>()
                .Where(e => e.State != EntityState.Deleted && e.Entity.BeneficiaryId == person.Id).Select(e => e.Entity).ToList();
            var gone = have.Where(a => !wanted.Contains(a.Value)).ToList();
            var added = wanted.Except(have.Select(a => a.Value)).Select(v => new AliasIndexEntry(Guid.CreateVersion7(), person.OrganisationId, person.Id, v)).ToList();
            context.RemoveRange(gone);
            context.AddRange(added);
            changes += gone.Count + added.Count;
        }

        return changes;
    }

    /// <summary>The index value of a normalised name, comparable with the full name's index column.</summary>
    public int ValueOf(Guid organisationId, string normalisedName) =>
        indexer.Compute(organisationId, nameof(Beneficiary), nameof(Beneficiary.FullName), normalisedName);
}
