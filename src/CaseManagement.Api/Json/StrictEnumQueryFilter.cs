namespace CaseManagement.Api.Json;

/// <summary>
/// Query strings bind enums with <c>Enum.TryParse</c>, which also takes numbers and comma lists
/// ("status=1" meant Active). This holds a query parameter to exactly one defined name, as the
/// JSON reader does for bodies.
/// </summary>
internal sealed class StrictEnumQueryFilter<TEnum>(string parameter) : IEndpointFilter
    where TEnum : struct, Enum
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.Query[parameter];
        return values.Count == 0 || (values.Count == 1 && Enum.GetNames<TEnum>().Contains(values[0], StringComparer.Ordinal))
            ? next(context)
            : throw new BadHttpRequestException($"The query parameter {parameter} takes one of the names of {typeof(TEnum).Name}.");
    }
}
