using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Decrypts personal properties as entities are read, so handlers only ever see plaintext. A value
/// that fails authentication (tampered, swapped, or sealed for another row) throws: it is never
/// returned half-read.
/// </summary>
internal sealed class DecryptingMaterializationInterceptor(FieldEncryptor encryptor, PersonalDataSnapshots snapshots)
    : IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (PersonalDataModel.For(entity.GetType()) is not { } personal)
        {
            return entity;
        }

        var owner = (IOrganisationOwned)entity;
        var values = new byte[]?[personal.Properties.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var property = personal.Properties[i];
            var stored = materializationData.GetPropertyValue<byte[]?>(property.CipherProperty);
            values[i] = stored is null
                ? null
                : encryptor.Decrypt(new FieldContext(owner.OrganisationId, personal.Name, property.Name, owner.Id), stored);
            property.SetValue(entity, PersonalValueCodec.Decode(property.ClrType, values[i]));
        }

        // Recorded whatever the tracking mode (EF does not always report it); the table holds it weakly.
        snapshots.Set(entity, new PersonalSnapshot(values, materializationData.GetPropertyValue<int>(PersonalDataModel.KeyVersionProperty)));

        return entity;
    }
}
