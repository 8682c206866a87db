using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseManagement.Application.Common.Validation;

namespace CaseManagement.Api.Json;

/// <summary>
/// Every string of every request body: control characters other than tab and line breaks, and
/// text that is not valid Unicode (lone surrogates), are refused; the rest is normalised to NFC,
/// so that one name has one spelling before it is encrypted or indexed. Which fields may hold tab
/// and line breaks, or bidirectional controls, the validators decide.
/// </summary>
internal sealed class SafeTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a string.");
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new UnsafeTextException(); // invalid UTF-8, or an escaped lone surrogate
        }

        if (!TextRules.IsWellFormed(text))
        {
            throw new UnsafeTextException();
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            throw new UnsafeTextException(); // not normalisable: invalid code points
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
