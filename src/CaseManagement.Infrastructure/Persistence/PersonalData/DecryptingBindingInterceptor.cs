using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Decrypts personal properties as entities are read, so handlers only ever see plaintext. A value
/// that fails authentication (tampered, swapped, or sealed for another row) throws: it is never
/// returned half-read.
/// </summary>
/// <remarks>
/// Hooked into the entity's instantiation binding, not into an <see cref="IMaterializationInterceptor"/>:
/// with one of those registered, EF Core builds a dictionary of two fresh delegates per mapped property
/// for every row it reads, which cost more than the decryption itself (issue 12, item 6).
/// </remarks>
internal sealed class DecryptingBindingInterceptor(FieldEncryptor encryptor, PersonalDataSnapshots snapshots)
    : IInstantiationBindingInterceptor
{
    public InstantiationBinding ModifyBinding(InstantiationBindingInterceptionData interceptionData, InstantiationBinding binding) =>
        interceptionData.TypeBase is IEntityType entityType && PersonalDataModel.For(entityType.ClrType) is { } personal
            ? new DecryptingInstantiationBinding(binding, entityType, personal, this)
            : binding;

    /// <summary>Called by the compiled materializer for each row, with the columns the ciphertexts are bound to.</summary>
    public object Open(object entity, PersonalEntity personal, Guid organisationId, Guid rowId, byte[]?[] stored, int keyVersion)
    {
        var values = new byte[]?[stored.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var property = personal.Properties[i];
            values[i] = stored[i] is { } cipher
                ? encryptor.Decrypt(new FieldContext(organisationId, personal.Name, property.Name, rowId), cipher)
                : null;
            property.SetValue(entity, PersonalValueCodec.Decode(property.ClrType, values[i]));
        }

        // Recorded whatever the tracking mode; the table holds it weakly.
        snapshots.Set(entity, new PersonalSnapshot(values, keyVersion));
        return entity;
    }
}
