using System.Security.Cryptography.X509Certificates;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Identity.Invitations;
using CaseManagement.Infrastructure.Mail;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>Environments where tokens may travel over plain HTTP: the developer's machine and the test host.</summary>
    public static bool AllowsPlainHttp(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>ASP.NET Core Identity for staff, and an OpenID Connect server (OpenIddict) whose tokens this API validates locally.</summary>
    public static IServiceCollection AddCaseManagementIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(CaseManagementIdentityOptions.Section);
        var options = section.Get<CaseManagementIdentityOptions>() ?? new CaseManagementIdentityOptions();
        services.AddOptions<CaseManagementIdentityOptions>().Bind(section);

        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(o =>
            {
                // SP 800-63B: length, no composition rules (PasswordPolicyValidator adds the rest).
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                o.ClaimsIdentity.UserNameClaimType = Claims.Name;
                o.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<ApplicationDbContext>()
            // After the EF stores: this one replaces their user store, to seal authenticator seeds.
            .AddUserStore<SealedAuthenticatorKeyUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordPolicyValidator>();
        services.AddScoped<IPasswordHasher<ApplicationUser>, NormalisingPasswordHasher>();
        services.ConfigureApplicationCookie(o =>
        {
            // This cookie carries a signed-in person through the web pages and to the authorization endpoint; the API itself takes tokens only.
            o.Cookie.Name = "casemanagement.signin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = AllowsPlainHttp(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = options.IdleTimeout;
            // Renewed by the person's activity only (CookieSessionCap), not by any request that carries the cookie.
            o.SlidingExpiration = false;
            o.LoginPath = "/account/login";
            o.Events.OnSigningIn = CookieSessionCap.StartAsync;
            o.Events.OnValidatePrincipal = CookieSessionCap.ValidateAsync;
            // A page the person may not open answers 403 in place, not a redirect to a page that does not exist.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Passkeys, a second factor beside the authenticator code: the user must be verified on the device (PIN or
        // biometrics), and challenges live in PasskeyChallenges, single use, never in Identity's replayable cookie.
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.ServerDomain = PasskeyOrigins.ServerDomain(options);
            o.ValidateOrigin = PasskeyOrigins.IsAllowedAsync;
            o.UserVerificationRequirement = "required";
            o.AuthenticatorTimeout = PasskeyChallenges.Lifetime - TimeSpan.FromSeconds(30);
        });
        services.TryAddScoped<IPasskeyHandler<ApplicationUser>, PasskeyHandler<ApplicationUser>>();
        services.AddScoped<PasskeyChallenges>();

        // The cookie holds a key; the session is a row, so signing out ends it everywhere.
        services.AddSingleton<WebSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<WebSessionStore>((o, store) => o.SessionStore = store);

        // Shared by every replica: cookies and antiforgery tokens survive a load balancer.
        services.AddDataProtection().SetApplicationName("CaseManagement").PersistKeysToDbContext<ApplicationDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<IMasterKeyProvider>((o, masterKey) => o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey));

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ApplicationDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetDeviceAuthorizationEndpointUris("connect/device")
                    .SetEndUserVerificationEndpointUris("connect/verify");
                // Implicit and password grants are never enabled.
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .AllowDeviceAuthorizationFlow();
                o.Configure(server => server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                // Machine clients sign client assertions (private_key_jwt), each of which works once; secrets only where allowed.
                o.AddEventHandler(RejectReplayedClientAssertions.Descriptor)
                    .AddEventHandler(RejectClientSecrets.Descriptor);

                o.SetAuthorizationCodeLifetime(TimeSpan.FromSeconds(60))
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetRefreshTokenLifetime(TimeSpan.FromHours(8))
                    // A refresh token works once: a replayed one is refused and revokes its whole chain.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess,
                    CaseManagementIdentityOptions.ApiScope, CaseManagementIdentityOptions.StatisticsScope);
                AddCredentials(o, options, environment);
                if (!string.IsNullOrEmpty(options.Issuer))
                {
                    o.SetIssuer(new Uri(options.Issuer, UriKind.Absolute));
                }

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough()
                    // Errors that cannot go back to the client reach the endpoints, which show a page a person can read.
                    .EnableErrorPassthrough();
                if (AllowsPlainHttp(environment))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                if (!options.AllowClientSecrets)
                {
                    // After UseAspNetCore, which adds client_secret_basic: discovery then offers private_key_jwt only.
                    o.Configure(server => server.ClientAuthenticationMethods.ExceptWith(
                        [ClientAuthenticationMethods.ClientSecretPost, ClientAuthenticationMethods.ClientSecretBasic]));
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Each request checks its access token's entry and that token's authorization (its session), so a
                // revoked session or token is refused at once: RejectInactiveUsers reads both in the statement that
                // reads the user, instead of OpenIddict's token and authorization entry validation (two more reads).
                o.UseAspNetCore();
                o.AddAudiences(CaseManagementIdentityOptions.ApiAudience);
                o.AddEventHandler(RejectInactiveUsers.Descriptor);
            });

        services.AddScoped<TokenPrincipalFactory>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<SignInClientRegistry>();
        services.AddScoped<UserAccess>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<IIdentityAdministration, IdentityAdministration>();
        services.AddHttpContextAccessor();
        services.AddOptions<InvitationOptions>().Bind(configuration.GetSection(InvitationOptions.Section));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<SmtpMail>();
        services.AddScoped<StaffInvitations>();
        services.AddSingleton<StaffAddresses>();
        services.AddScoped<InvitationLinks>();
        services.AddSingleton<IInvitationMailer, SmtpInvitationMailer>();

        services.AddSingleton<IMachineClientCredentials, MachineClientCredentials>();
        services.AddScoped<IUserSessions, UserSessions>();
        return services;
    }

    /// <summary>Development persists self-signed certificates; the test host uses throwaway keys; anywhere else they must be configured.</summary>
    private static void AddCredentials(OpenIddictServerBuilder server, CaseManagementIdentityOptions options, IHostEnvironment environment)
    {
        if (options.SigningCertificate is { Path.Length: > 0 } signing)
        {
            server.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing.Path, signing.Password));
        }
        else if (environment.IsDevelopment())
        {
            server.AddDevelopmentSigningCertificate();
        }
        else if (environment.IsEnvironment("Testing"))
        {
            server.AddEphemeralSigningKey();
        }

        // Encryption needs the master key, which comes from the container, so it is added when the options are built.
        server.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IMasterKeyProvider>((o, masterKey) => o.EncryptionCredentials.Add(TokenEncryptionKey.Credentials(masterKey)));
    }

    /// <summary>Called at start outside Development and tests: tokens cannot be signed safely without a configured certificate.</summary>
    public static void EnsureCertificatesConfigured(CaseManagementIdentityOptions options, IHostEnvironment environment)
    {
        if (AllowsPlainHttp(environment))
        {
            return;
        }

        if (options.SigningCertificate is not { Path.Length: > 0 })
        {
            throw new InvalidOperationException(
                $"No token signing certificate is configured ({CaseManagementIdentityOptions.Section}:SigningCertificate:Path, " +
                "a PFX file with its :Password). Outside Development the server refuses to sign tokens with a key that " +
                "would differ between replicas or restarts.");
        }
    }
}
