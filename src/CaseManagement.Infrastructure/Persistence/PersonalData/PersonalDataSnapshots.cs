using System.Runtime.CompilerServices;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>What a tracked entity's personal values were when loaded or last saved, and under which key.</summary>
public sealed record PersonalSnapshot(byte[]?[] Values, int KeyVersion)
{
    public bool Matches(byte[]?[] current)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (!(Values[i] is null ? current[i] is null : current[i] is not null && Values[i].AsSpan().SequenceEqual(current[i])))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Personal properties are not mapped, so EF Core cannot see them change. A snapshot per entity
/// instance (held weakly, gone with the entity) lets the save step re-encrypt only what changed.
/// </summary>
public sealed class PersonalDataSnapshots
{
    private readonly ConditionalWeakTable<object, PersonalSnapshot> _snapshots = [];

    public PersonalSnapshot? Get(object entity) => _snapshots.TryGetValue(entity, out var snapshot) ? snapshot : null;

    public void Set(object entity, PersonalSnapshot snapshot) => _snapshots.AddOrUpdate(entity, snapshot);
}
