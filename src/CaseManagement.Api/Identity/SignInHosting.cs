using Microsoft.AspNetCore.OpenApi;

namespace CaseManagement.Api.Identity;

/// <summary>The sign-in's share of the host, kept here so that HostSetup needs one line for each half.</summary>
internal static class SignInHosting
{
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignInRateLimits(configuration);
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<OAuthSecuritySchemeTransformer>().AddDocumentTransformer<ReferenceRequestExamples>());
        return services;
    }

    /// <summary>First in the pipeline: the headers must be on every HTML page, error pages included.</summary>
    public static WebApplication UseSignIn(this WebApplication app)
    {
        app.UseMiddleware<PageSecurityHeaders>();
        return app;
    }
}
