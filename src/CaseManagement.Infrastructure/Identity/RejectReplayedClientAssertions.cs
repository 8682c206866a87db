using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using CaseManagement.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// OpenIddict 7.8 checks a client assertion's signature, issuer, audience and expiry, but keeps no
/// record of it: the same assertion would work again until it expires. This handler, which runs once
/// the client is authenticated, makes each assertion work once. It requires a jti and an expiry at
/// most <see cref="CaseManagementIdentityOptions.MaxClientAssertionLifetime"/> ahead, and records
/// the (client, jti) pair as an OpenIddict token entry whose reference id OpenIddict stores only as
/// a SHA-256 hash. The reference id is unique in the database, so two concurrent uses of one
/// assertion cannot both pass. The entry lasts as long as OpenIddict would accept the assertion.
/// </summary>
public sealed class RejectReplayedClientAssertions(
    IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, ApplicationDbContext db, TimeProvider clock)
    : IOpenIddictServerHandler<ProcessAuthenticationContext>
{
    /// <summary>The longest jti accepted; a UUID or 32 random bytes in base64url fit easily.</summary>
    private const int MaxJwtIdLength = 128;

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionPrincipal>()
            .UseScopedHandler<RejectReplayedClientAssertions>()
            // After OpenIddict has authenticated the client (signature, claims, client id and type).
            .SetOrder(OpenIddictServerHandlers.ValidateClientSecret.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        var assertion = context.ClientAssertionPrincipal!;
        var jwtId = assertion.GetClaim(Claims.JwtId);
        var expires = assertion.GetExpirationDate();
        var now = clock.GetUtcNow();
        if (string.IsNullOrEmpty(jwtId) || jwtId.Length > MaxJwtIdLength)
        {
            Refuse(context, $"The client assertion needs a jti claim: a new random value for each assertion, at most {MaxJwtIdLength} characters.");
            return;
        }

        if (expires is not { } expiresAt || expiresAt > now + CaseManagementIdentityOptions.MaxClientAssertionLifetime)
        {
            Refuse(context, $"The client assertion must expire within {CaseManagementIdentityOptions.MaxClientAssertionLifetime.TotalMinutes:0} minutes.");
            return;
        }

        var application = await applications.FindByClientIdAsync(context.ClientId!, context.CancellationToken);
        // The separator cannot occur in a client id; OpenIddict hashes the whole value before storing it.
        var referenceId = "client_assertion\n" + context.ClientId + "\n" + jwtId;
        if (application is null || await tokens.FindByReferenceIdAsync(referenceId, context.CancellationToken) is not null)
        {
            Refuse(context, "This client assertion was used already: sign a new one, with a new jti, for each request.");
            return;
        }

        try
        {
            await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                ApplicationId = await applications.GetIdAsync(application, context.CancellationToken),
                CreationDate = now,
                RedemptionDate = now,
                // OpenIddict accepts an assertion until exp plus the default clock skew: keep it refused that long.
                ExpirationDate = expiresAt + TokenValidationParameters.DefaultClockSkew,
                ReferenceId = referenceId,
                Status = Statuses.Redeemed,
                Type = TokenTypeIdentifiers.Private.ClientAssertion,
            }, context.CancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or OpenIddictExceptions.ValidationException)
        {
            // A concurrent request with the same assertion stored it first: OpenIddict's own check saw it,
            // or the database's unique index on the reference id refused the second row.
            db.ChangeTracker.Clear();
            Refuse(context, "This client assertion was used already: sign a new one, with a new jti, for each request.");
        }
    }

    private static void Refuse(ProcessAuthenticationContext context, string description) =>
        context.Reject(error: Errors.InvalidClient, description: description);
}
