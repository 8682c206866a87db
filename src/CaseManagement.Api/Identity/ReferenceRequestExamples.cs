using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CaseManagement.Api.Identity;

/// <summary>
/// A valid example body for the reference page's first call (README: register a person), so that
/// "Test Request" answers 201 as it stands; the example generated from the schema is not valid input.
/// </summary>
internal sealed class ReferenceRequestExamples : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths?.TryGetValue("/api/v1/beneficiaries", out var path) == true
            && path.Operations?.TryGetValue(HttpMethod.Post, out var register) == true
            && register.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = new JsonObject { ["fullName"] = "Ana Demo", ["yearOfIdentification"] = 2025 };
        }

        return Task.CompletedTask;
    }
}
