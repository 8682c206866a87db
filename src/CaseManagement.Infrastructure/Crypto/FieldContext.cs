using System.Buffers.Binary;
using System.Text;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>
/// Where an encrypted value lives. It is authenticated as associated data, so a ciphertext copied
/// to another organisation, entity, column or row fails to decrypt. Entity and column names are
/// part of the stored contract: renaming one needs a re-encryption.
/// </summary>
public readonly record struct FieldContext(Guid OrganisationId, string Entity, string Column, Guid RowId)
{
    private const int MaxNameBytes = 128;

    /// <summary>Upper bound of <see cref="Write"/>'s output length.</summary>
    internal const int MaxLength = 16 + 2 + MaxNameBytes + 2 + MaxNameBytes + 16;

    /// <summary>organisation(16) | len(2) entity | len(2) column | row(16); names length-prefixed so no two contexts encode alike.</summary>
    internal int Write(Span<byte> destination)
    {
        if (OrganisationId == Guid.Empty || RowId == Guid.Empty)
        {
            // An empty id would bind a value to no row at all: every row with that mistake would share it.
            throw new ArgumentException("A field is sealed for one organisation and one row; their ids cannot be empty.");
        }

        OrganisationId.TryWriteBytes(destination, bigEndian: true, out _);
        var offset = 16;
        offset += WriteName(destination[offset..], Entity);
        offset += WriteName(destination[offset..], Column);
        RowId.TryWriteBytes(destination[offset..], bigEndian: true, out _);
        return offset + 16;
    }

    private static int WriteName(Span<byte> destination, string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        if (length == 0 || length > MaxNameBytes)
        {
            throw new ArgumentException("An entity or column name must hold 1 to 128 bytes.", nameof(name));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)length);
        Encoding.UTF8.GetBytes(name, destination[2..]);
        return 2 + length;
    }
}
