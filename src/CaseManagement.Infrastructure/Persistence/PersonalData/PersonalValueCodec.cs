using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>Turns a personal property's value into the bytes that get encrypted, and back.</summary>
internal static class PersonalValueCodec
{
    public static byte[]? Encode(object? value, Type declaredType) => value switch
    {
        null => null,
        string s => Encoding.UTF8.GetBytes(s),
        DateOnly d => Encoding.UTF8.GetBytes(d.ToString("O", CultureInfo.InvariantCulture)),
        _ => JsonSerializer.SerializeToUtf8Bytes(value, declaredType),
    };

    public static object? Decode(Type type, byte[]? data)
    {
        if (data is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return Encoding.UTF8.GetString(data);
        }

        if (target == typeof(DateOnly))
        {
            return DateOnly.ParseExact(Encoding.UTF8.GetString(data), "O", CultureInfo.InvariantCulture);
        }

        // Collections are declared as interfaces (IReadOnlyList<string>); JSON gives them a List<T>.
        return JsonSerializer.Deserialize(data, target);
    }
}
