using CaseManagement.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Web;

/// <summary>
/// After the antiforgery middleware: a page's form post whose token did not validate gets a page
/// that says so (400), where the framework would answer an empty 400 that a browser shows as its
/// own error page. Nothing of the form is read or kept.
/// </summary>
public static partial class WebForms
{
    public static IApplicationBuilder UseCaseManagementWebForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } failed
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            Refused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebForms)),
                failed.Error?.InnerException?.GetType().Name ?? failed.Error?.GetType().Name ?? "none");
            await new RazorComponentResult<FormRefused>(new { Path = LocalUrls.Safe(context.Request.Path) })
            {
                StatusCode = StatusCodes.Status400BadRequest,
            }.ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    [LoggerMessage(LogLevel.Information, "A page's form post was refused: its antiforgery token did not validate ({Reason}).")]
    private static partial void Refused(ILogger logger, string reason);
}
