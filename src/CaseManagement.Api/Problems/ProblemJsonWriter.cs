using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CaseManagement.Api.Problems;

/// <summary>
/// Writes every problem as <c>application/problem+json</c>, whatever the request's <c>Accept</c>
/// header says. The framework's writer declines when the client does not accept JSON, and the
/// exception handler then rethrows: a 500, or in Development a page that echoes the request's
/// headers (bearer token included). An API has one error format.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ProblemTitles.For(response.StatusCode);
        problem.Type ??= ProblemTitles.TypeFor(response.StatusCode);
        return new ValueTask(response.WriteAsJsonAsync(
            problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()), "application/problem+json", context.HttpContext.RequestAborted));
    }
}
