using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseManagement.Api.Json;

/// <summary>
/// Every enum travels as exactly one of its defined names. The framework's string converter also
/// takes numbers, undefined values and comma lists ("Residential, DayCentre" became Reintegration),
/// so a typo or a probe could store a value nobody chose.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}
