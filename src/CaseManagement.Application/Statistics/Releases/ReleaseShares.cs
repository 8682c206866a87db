using System.Buffers.Binary;
using System.Text.Json;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>
/// Each member's share of every cell of a release, as kept (sealed) for its later revisions. Dense:
/// every cell for every organisation, each a fixed-width number, so the sealed value's length tells
/// only the release's shape, not how many of its cells a member has people in.
/// </summary>
public static class ReleaseShares
{
    private const int Version = 1;

    public static byte[] Encode(IReadOnlyList<string> cells, IReadOnlyList<Guid> organisations, Func<string, Guid, long> share)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(share);
        var values = new byte[cells.Count * organisations.Count * sizeof(long)];
        var at = 0;
        foreach (var cell in cells)
        {
            foreach (var organisation in organisations)
            {
                BinaryPrimitives.WriteInt64LittleEndian(values.AsSpan(at), share(cell, organisation));
                at += sizeof(long);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(new Encoded(Version, cells, organisations, values));
    }

    /// <summary>The shares by cell and organisation, or null when the value is of another version or malformed: then nothing is known of them.</summary>
    public static Dictionary<string, Dictionary<Guid, long>>? Decode(byte[]? encoded)
    {
        Encoded? read;
        try
        {
            read = encoded is null ? null : JsonSerializer.Deserialize<Encoded>(encoded);
        }
        catch (JsonException)
        {
            return null;
        }

        if (read is not { Version: Version, Cells: { } cells, Organisations: { } organisations, Values: { } values }
            || values.Length != cells.Count * organisations.Count * sizeof(long))
        {
            return null;
        }

        var shares = new Dictionary<string, Dictionary<Guid, long>>(StringComparer.Ordinal);
        var at = 0;
        foreach (var cell in cells)
        {
            var of = shares[cell] = [];
            foreach (var organisation in organisations)
            {
                of[organisation] = BinaryPrimitives.ReadInt64LittleEndian(values.AsSpan(at));
                at += sizeof(long);
            }
        }

        return shares;
    }

    private sealed record Encoded(int Version, IReadOnlyList<string> Cells, IReadOnlyList<Guid> Organisations, byte[] Values);
}
