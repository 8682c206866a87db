using System.Collections.Concurrent;
using System.Reflection;
using CaseManagement.Application.Beneficiaries;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Common;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// An equality index over one personal property, and how its values are normalised first.
/// <paramref name="InputBits"/>: log2 of how many distinct values the property can take, when that
/// is small enough to cap the index's bits (dates of birth).
/// </summary>
internal sealed record BlindIndexDefinition(Type Entity, string Property, Func<object, string> Normalise, double? InputBits = null);

/// <summary>One <see cref="PersonalDataAttribute"/> property and the shadow columns that store it.</summary>
internal sealed class PersonalProperty(PropertyInfo property, BlindIndexDefinition? index)
{
    public string Name { get; } = property.Name;

    public Type ClrType { get; } = property.PropertyType;

    /// <summary>The ciphertext column (<c>byte[]</c>).</summary>
    public string CipherProperty { get; } = property.Name + "Cipher";

    /// <summary>The blind-index column (<c>int?</c>), if the property is searchable.</summary>
    public string? IndexProperty { get; } = index is null ? null : property.Name + "Index";

    /// <summary>Free text, padded to a size bucket when sealed.</summary>
    public bool Padded { get; } = property.GetCustomAttribute<PersonalDataAttribute>(inherit: true)!.FreeText;

    public BlindIndexDefinition? Index { get; } = index;

    /// <summary>What an erased value becomes: null where the property allows it, else the empty text or list.</summary>
    public object? Blank { get; } = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable
        || System.Nullable.GetUnderlyingType(property.PropertyType) is not null
            ? null
            : property.PropertyType == typeof(string) ? string.Empty
            : property.PropertyType == typeof(IReadOnlyList<string>) ? Array.Empty<string>()
            : throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: no blank value is defined for {property.PropertyType.Name}.");

    public object? GetValue(object entity) => property.GetValue(entity);

    public void SetValue(object entity, object? value) => property.SetValue(entity, value);
}

/// <summary>The personal properties of one entity type.</summary>
internal sealed class PersonalEntity(Type clrType, IReadOnlyList<PersonalProperty> properties)
{
    /// <summary>The entity name bound into every ciphertext's associated data.</summary>
    public string Name { get; } = clrType.Name;

    public IReadOnlyList<PersonalProperty> Properties { get; } = properties;

    public PersonalProperty Property(string name) =>
        Properties.SingleOrDefault(p => p.Name == name)
        ?? throw new InvalidOperationException($"{Name}.{name} is not personal data.");
}

/// <summary>
/// Reads the personal-data declarations once per type. Every property marked
/// <see cref="PersonalDataAttribute"/> is stored only as ciphertext in a shadow column.
/// </summary>
internal static class PersonalDataModel
{
    /// <summary>Shadow column: the data-key version every ciphertext of the row was sealed with.</summary>
    public const string KeyVersionProperty = "DataKeyVersion";

    /// <summary>The searchable personal properties. Add a line here to make another one searchable.</summary>
    public static readonly IReadOnlyList<BlindIndexDefinition> BlindIndexes =
    [
        new(typeof(Beneficiary), nameof(Beneficiary.NationalId), v => BeneficiaryMatching.NormaliseNationalId((string)v)),
        new(typeof(Beneficiary), nameof(Beneficiary.FullName), v => BeneficiaryMatching.NormaliseName((string)v)),
        // The people an NGO assists were born within about 60 years of each other: 21,900 dates, 14.4 bits. (A
        // wider span would let the index keep a bit more than the dates that really occur can fill.)
        new(typeof(Beneficiary), nameof(Beneficiary.DateOfBirth), v => BeneficiaryMatching.NormaliseDate((DateOnly)v), InputBits: Math.Log2(60 * 365.25)),
    ];

    private static readonly ConcurrentDictionary<Type, PersonalEntity?> Cache = new();

    /// <summary>The personal properties of <paramref name="clrType"/>, or null when it has none.</summary>
    public static PersonalEntity? For(Type clrType) => Cache.GetOrAdd(clrType, Build);

    private static PersonalEntity? Build(Type clrType)
    {
        var properties = clrType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.IsDefined(typeof(PersonalDataAttribute), inherit: true))
            .Select(p => new PersonalProperty(p, BlindIndexes.SingleOrDefault(i => i.Entity == clrType && i.Property == p.Name)))
            .ToList();
        if (properties.Count > 0 && !typeof(IOrganisationOwned).IsAssignableFrom(clrType))
        {
            throw new InvalidOperationException($"{clrType.Name} holds personal data, so it must belong to an organisation.");
        }

        return properties.Count == 0 ? null : new PersonalEntity(clrType, properties);
    }
}
