using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace CaseManagement.Api.OpenApi;

/// <summary>
/// Every API operation needs a token and answers its errors as RFC 9457 problems: the document
/// says so on each operation, with the problem schemas.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        if (!path.StartsWith("api/", StringComparison.Ordinal))
        {
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeTransformer.SchemeName, context.Document)] = ["api"] }];
        var validation = await ComponentAsync<HttpValidationProblemDetails>(context, cancellationToken);
        var problem = await ComponentAsync<ProblemDetails>(context, cancellationToken);
        operation.Responses ??= [];
        Add(operation, "400", "The request is invalid: malformed JSON, a missing or malformed field, or a broken rule.", validation);
        Add(operation, "401", "No valid access token.", problem);
        Add(operation, "403", "The caller's role does not allow this.", problem);
        if (path.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, "404", "No such record in the caller's organisation (another organisation's record is not found either).", problem);
        }

        if (context.Description.HttpMethod is not "GET")
        {
            Add(operation, "409", "The record changed meanwhile, or its state forbids this.", problem);
        }

        if (operation.RequestBody is not null)
        {
            Add(operation, "413", "The request body is too large.", problem);
            Add(operation, "415", "The request body must be JSON.", problem);
        }
    }

    /// <summary>One shared schema in the components, referenced from every operation.</summary>
    private static async Task<IOpenApiSchema> ComponentAsync<T>(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = typeof(T).Name;
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken));
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
        });
}
