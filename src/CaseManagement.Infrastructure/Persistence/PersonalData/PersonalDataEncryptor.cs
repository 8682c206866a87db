using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Runs before every save: seals each new or changed personal property into its shadow column,
/// recomputes its blind index, and moves rows still sealed under an older key to the newest one.
/// All fields of a row share one key version, so "which rows are stale" is one column.
/// </summary>
public sealed class PersonalDataEncryptor(KeyRing keys, BlindIndexer indexer, PersonalDataSnapshots snapshots)
{
    /// <summary>Seals the personal data of every new or changed row, and of every row under an older key.</summary>
    public void EncryptPending(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached
                || PersonalDataModel.For(entry.Metadata.ClrType) is not { } personal)
            {
                continue;
            }

            var owner = (IOrganisationOwned)entry.Entity;
            var values = personal.Properties.Select(p => PersonalValueCodec.Encode(p.GetValue(entry.Entity), p.ClrType)).ToArray();
            var snapshot = snapshots.Get(entry.Entity);
            var key = keys.Active(owner.OrganisationId);
            if (snapshot is not null && snapshot.KeyVersion > key.Version)
            {
                // This process's view of the newest key is stale (another replica rotated): never move a row back.
                key = keys.Get(owner.OrganisationId, snapshot.KeyVersion);
            }

            if (entry.State == EntityState.Added || snapshot is null || snapshot.KeyVersion < key.Version || !snapshot.Matches(values))
            {
                Seal(entry, personal, owner, key, values);
                snapshots.Set(entry.Entity, new PersonalSnapshot(values, key.Version));
            }
        }
    }

    private void Seal(EntityEntry entry, PersonalEntity personal, IOrganisationOwned owner, DataKey key, byte[]?[] values)
    {
        for (var i = 0; i < personal.Properties.Count; i++)
        {
            var property = personal.Properties[i];
            var context = new FieldContext(owner.OrganisationId, personal.Name, property.Name, owner.Id);
            entry.Property(property.CipherProperty).CurrentValue =
                values[i] is { } plaintext ? FieldEncryptor.Encrypt(key, context, plaintext, property.Padded) : null;

            if (property.IndexProperty is { } indexProperty)
            {
                var value = property.GetValue(entry.Entity);
                entry.Property(indexProperty).CurrentValue = value is null or ""
                    ? null // nothing to find: an erased name leaves no index, not the index of 
                    : indexer.Compute(owner.OrganisationId, personal.Name, property.Name, property.Index!.Normalise(value));
            }
        }

        entry.Property(PersonalDataModel.KeyVersionProperty).CurrentValue = key.Version;
    }
}
