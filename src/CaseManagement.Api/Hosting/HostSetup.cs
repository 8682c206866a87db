using System.Text.Json.Serialization;
using CaseManagement.Api.Endpoints;
using CaseManagement.Api.Problems;
using CaseManagement.Api.Security;
using CaseManagement.Application;
using CaseManagement.Application.Common.Behaviours;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure;
using CaseManagement.Api.Identity;
using CaseManagement.Api.Json;
using CaseManagement.Api.OpenApi;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Jobs;
using Hangfire;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CaseManagement.Api.Hosting;

internal static class HostSetup
{
    /// <summary>A directory of secrets, one file per setting (docs/operations.md, "Secrets as files").</summary>
    public const string SecretsDirectorySetting = "SecretsDirectory";

    public static WebApplicationBuilder AddCaseManagement(this WebApplicationBuilder builder)
    {
        // Docker and Kubernetes secrets mounted as files, one per setting and named like its
        // environment variable (Encryption__MasterKey): keys then never sit in the process environment.
        if (builder.Configuration[SecretsDirectorySetting] is { Length: > 0 } secrets)
        {
            var directory = Path.GetFullPath(secrets);
            if (!Directory.Exists(directory))
            {
                throw new InvalidOperationException($"{SecretsDirectorySetting} names {directory}, which does not exist. Mount the secrets there, or leave {SecretsDirectorySetting} empty to read settings from the environment only.");
            }

            builder.Configuration.AddKeyPerFile(directory, optional: false);
        }

        builder.AddCaseManagementTelemetry();
        var services = builder.Services;
        services.AddApplication();
        services.AddInfrastructure(builder.Configuration, builder.Environment);

        // Scoped, not the default Singleton: handlers use the scoped DbContext.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(CaseManagement.Application.DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(TelemetryBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(AuditBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
            ];
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<ICurrentSession, HttpCurrentSession>();
        services.AddCaseManagementAuthorization();
        services.AddScoped<IClaimsTransformation, UserAccessClaimsTransformation>();
        services.AddSignIn(builder.Configuration);
        services.AddAntiforgery(o => o.Cookie.Name = "casemanagement.antiforgery");
        services.AddCaseManagementWeb();

        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section));
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>()?.MaxRequestBodyBytes
                ?? new ApiOptions().MaxRequestBodyBytes;
        });
        // Registered before AddProblemDetails, so it is asked first and always answers.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new StrictEnumConverterFactory());
            o.SerializerOptions.Converters.Add(new SafeTextConverter());
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // A field the contract calls required must be sent: it never silently takes a default.
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        services.AddOpenApi(o => o
            .AddDocumentTransformer<SecuritySchemeTransformer>()
            .AddOperationTransformer<ErrorResponsesTransformer>()
            .AddSchemaTransformer<ContractSchemaTransformer>());
        return builder;
    }

    /// <summary>Fails fast on a missing or wrong master key or missing token certificates, and migrates where configured (Development, the embedded default).</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<IMasterKeyProvider>().MasterKey.Length;
        IdentitySetup.EnsureCertificatesConfigured(app.Services.GetRequiredService<IOptions<CaseManagementIdentityOptions>>().Value, app.Environment);
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        try
        {
            await app.Services.GetRequiredService<KeyRing>().EnsureMasterKeyMatchesAsync(app.Lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (MasterKeyHealthCheck.IsUnreachable(exception))
        {
            if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
            {
                // Started unchecked, a replica could wrap new keys, seal audit entries and freeze statistics under a wrong key.
                throw new InvalidOperationException(
                    "The database could not be read to check the master key against its data keys: is it running, and was `migrate` run? The server does not start unchecked.",
                    exception);
            }

            // Development and the tests' model-only hosts: readiness checks the key until it can (MasterKeyHealthCheck).
            app.Logger.LogWarning("The master key could not be checked against the database at start ({Error}).", exception.GetType().Name);
        }

        app.Services.ScheduleRecurringJobs();
        if (app.Environment.IsDevelopment())
        {
            await DevelopmentSeeder.SeedAsync(app.Services, app.Configuration);
        }
    }

    public static WebApplication UseCaseManagement(this WebApplication app)
    {
        app.UseSignIn();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            SuppressDiagnosticsCallback = context => ProblemExceptionHandler.IsExpected(context.Exception, context.HttpContext),
        });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        app.UseCaseManagementWebCultures();
        app.UseCaseManagementWebNotFound();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<RefusalAuditMiddleware>();
        if (app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Enabled)
        {
            // Before the fallback policy, which wants an access token: the dashboard is a page, and its own filter admits platform administrators.
            app.UseHangfireDashboard(JobsDashboardAuthorization.Path, new DashboardOptions
            {
                AsyncAuthorization = [new JobsDashboardAuthorization()],
                DisplayStorageConnectionString = false,
                DashboardTitle = "CaseManagement jobs",
            });
        }

        app.UseAuthorization();
        app.UseAntiforgery(); // the pages' forms; the sign-in's own endpoints validate their token themselves
        app.UseCaseManagementWebForms();

        app.MapOpenApi().AllowAnonymous();
        app.MapCaseManagementWeb();
        app.MapApiReference();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapConnect();
        app.MapAccount();
        app.MapPasswordPages();
        app.MapRecoveryCodePages();
        app.MapPasskeyPages();

        app.MapGroup("/api/v1")
            .RequireAuthorization(AuthorizationPolicies.OrganisationMember)
            .MapBeneficiaries()
            .MapCases()
            .MapServices()
            .MapReintegration()
            .MapCounselling()
            .MapFacilities()
            .MapResidentialServices()
            .MapDayCentre()
            .MapRepatriation()
            .MapNotes()
            .MapLegalCases()
            .MapConsents()
            .MapReferrals()
            .MapActivities()
            .MapOrganisationFigures()
            .MapAudit()
            .MapOrganisationAdministration()
            .MapRetention();
        app.MapGroup("/api/v1/platform")
            .RequireAuthorization(AuthorizationPolicies.PlatformStaff)
            .WithTags("Platform")
            .MapPlatformAdministration();
        app.MapGroup("/api/v1/statistics")
            .RequireAuthorization(AuthorizationPolicies.StatisticsReader)
            .WithTags("Statistics")
            .MapStatisticsReleases();
        app.MapGroup("/api/v1/me")
            .RequireAuthorization(AuthorizationPolicies.SignedInUser)
            .MapMySessions()
            .MapMyNotifications();
        return app;
    }
}
