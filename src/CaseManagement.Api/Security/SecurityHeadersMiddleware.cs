namespace CaseManagement.Api.Security;

/// <summary>
/// First in the pipeline: the headers are set as the response starts, so they survive the
/// exception handler, which clears the headers of a failed response before writing its problem.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            // Responses carry personal data: no browser or proxy may keep a copy.
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
