using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManagement.Api.OpenApi;

/// <summary>
/// Makes the schemas say what the server enforces. A field is required exactly when the JSON
/// reader refuses a body without it (a <c>required</c> member, or a constructor parameter without
/// a default); the generator otherwise marks every constructor parameter. Every enum is a string
/// that takes exactly one of the listed names, which is all the reader accepts; lists of strings
/// and of enums keep their items' schema, which the custom converters would otherwise hide.
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        if (info.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 } properties)
        {
            var required = info.Properties.Where(IsRequired).Select(p => p.Name).Where(properties.ContainsKey).ToHashSet();
            schema.Required = required.Count > 0 ? required : null;
        }

        if (info.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { IsSetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if ((Nullable.GetUnderlyingType(info.Type) ?? info.Type) is { IsEnum: true } enumType)
        {
            DescribeEnum(schema, enumType);
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is { } elementType)
        {
            // The generator cannot describe items read by a custom converter (strings, enums): say what they are.
            var items = new OpenApiSchema();
            if (elementType.IsEnum)
            {
                DescribeEnum(items, elementType);
                schema.Items = items;
            }
            else if (elementType == typeof(string))
            {
                items.Type = JsonSchemaType.String;
                schema.Items = items;
            }
        }

        return Task.CompletedTask;
    }

    private static void DescribeEnum(OpenApiSchema schema, Type enumType)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. AllowedNames(enumType).Select(name => (JsonNode)JsonValue.Create(name))];
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };

    /// <summary>A flags enum's zero ("None") is a combination, not a value anyone may send.</summary>
    private static IEnumerable<string> AllowedNames(Type enumType) =>
        enumType.IsDefined(typeof(FlagsAttribute), inherit: false)
            ? Enum.GetValues(enumType).Cast<Enum>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => v.ToString())
            : Enum.GetNames(enumType);
}
