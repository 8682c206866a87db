using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.OpenApi;

namespace CaseManagement.Api.Identity;

/// <summary>The sign-in's share of the host, kept here so that HostSetup needs one line for each half.</summary>
internal static class SignInHosting
{
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKnownProxies(configuration);
        services.AddSignInRateLimits(configuration);
        services.AddScoped<SignInLockout>();
        services.AddScoped<StepUp>();
        services.AddScoped<PasswordStep>();
        services.AddSingleton<SessionLifetime>();
        services.AddSingleton<UnknownNameLockouts>();
        services.AddScoped<DummyPasswordCheck>();
        services.PostConfigure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<ReferenceRequestExamples>());
        return services;
    }

    /// <summary>First in the pipeline: the client's address must be known before anything uses it, and the headers must be on every HTML page, error pages included.</summary>
    public static WebApplication UseSignIn(this WebApplication app)
    {
        if (ForwardedHeadersSetup.IsConfigured(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<PageSecurityHeaders>();
        if (!IdentitySetup.AllowsPlainHttp(app.Environment)
            && (app.Configuration["AllowedHosts"] is null or "*" || string.IsNullOrEmpty(app.Configuration[$"{CaseManagementIdentityOptions.Section}:Issuer"])))
        {
            // Unpinned, the Host header a client sends decides the tokens' issuer and the links the server builds.
            app.Logger.LogWarning("AllowedHosts or Identity:Issuer is not set: pin both to this server's public host name.");
        }
        return app;
    }
}
