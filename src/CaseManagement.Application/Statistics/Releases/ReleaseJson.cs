using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseManagement.Application.Statistics.Releases;

/// <summary>The one serialisation of a release: the bytes the ledger hashes are the bytes every reader gets.</summary>
public static class ReleaseJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize(ReleaseDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    public static ReleaseDocument Deserialize(byte[] content) =>
        JsonSerializer.Deserialize<ReleaseDocument>(content, Options) ?? throw new InvalidOperationException("A release's content is empty.");
}
