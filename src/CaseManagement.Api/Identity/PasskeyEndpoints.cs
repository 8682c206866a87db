using System.Buffers.Text;
using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;

namespace CaseManagement.Api.Identity;

/// <summary>
/// /account/passkeys: a signed-in person lists their passkeys, adds one (the page's script runs the
/// browser's ceremony) and removes one (a plain form). Adding or removing needs a sign-in of the
/// last few minutes, or the password and an authenticator code again (<see cref="StepUp"/>): a
/// cookie left open must not let someone plant their own key. The authenticator app stays, so
/// removing every passkey locks nobody out.
/// </summary>
internal static class PasskeyEndpoints
{
    public const string Path = "/account/passkeys";

    /// <summary>Enough for every device a person uses; a bound on what one account can store.</summary>
    public const int MaxPasskeys = 10;

    private const int MaxCredentialLength = 16 * 1024;

    public static IEndpointRouteBuilder MapPasskeyPages(this IEndpointRouteBuilder app)
    {
        var passkeys = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        passkeys.MapGet("", PageAsync);
        passkeys.MapPost("/options", CreationOptionsAsync).DisableAntiforgery();
        passkeys.MapPost("/add", AddAsync).DisableAntiforgery();
        passkeys.MapPost("/remove", RemoveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, StepUp stepUp, UserManager<ApplicationUser> users) =>
        await stepUp.SignedInUserAsync(context) is { } user
            ? await PasskeyPageAsync(context, stepUp, users, user, null)
            : StepUp.ToSignIn(Path);

    private static async Task<IResult> CreationOptionsAsync(
        HttpContext context, IAntiforgery antiforgery, StepUp stepUp, UserManager<ApplicationUser> users, IPasskeyHandler<ApplicationUser> passkeys,
        PasskeyChallenges challenges, IAuditTrail audit)
    {
        await antiforgery.ValidateFormAsync(context);
        var form = AddForm.Of(await context.Request.ReadFormAsync());
        if (await stepUp.SignedInUserAsync(context) is not { } user)
        {
            return Refused(SignInMessage.Of("Passkeys.Ended"), StatusCodes.Status401Unauthorized);
        }

        if (PasskeyNames.Problem(form.Name) is { } badName)
        {
            return Refused(badName);
        }

        if ((await users.GetPasskeysAsync(user)).Count >= MaxPasskeys)
        {
            return Refused(SignInMessage.Of("Passkeys.TooMany", MaxPasskeys));
        }

        // Always the password and a fresh code: a new passkey is a lasting way past the second factor, which a session
        // captured by a phishing proxy in its first minutes must not be able to plant.
        if (await stepUp.ProveAsync(user, form.Password, form.Code) is { } failure)
        {
            await RecordAsync(audit, user, AuditActions.PasskeyAdded, AuditOutcomes.Denied);
            return Refused(failure);
        }

        // The user name, never a real name: the device keeps it and may sync it to its vendor's cloud.
        var entity = new PasskeyUserEntity { Id = await users.GetUserIdAsync(user), Name = user.UserName!, DisplayName = user.UserName! };
        var options = await passkeys.MakeCreationOptionsAsync(entity, context);
        var key = await challenges.IssueAsync(user.Id, PasskeyChallenges.Register, await users.GetSecurityStampAsync(user), options.AttestationState!);
        PasskeyChallengeCookie.Set(context, key);
        return Results.Content(options.CreationOptionsJson, "application/json");
    }

    private static async Task<IResult> AddAsync(
        HttpContext context, IAntiforgery antiforgery, StepUp stepUp, UserManager<ApplicationUser> users, IPasskeyHandler<ApplicationUser> passkeys,
        PasskeyChallenges challenges, IAuditTrail audit, TimeProvider clock, IStringLocalizer<Text> texts)
    {
        await antiforgery.ValidateFormAsync(context);
        var form = FinishForm.Of(await context.Request.ReadFormAsync());
        var challenge = await challenges.TakeAsync(PasskeyChallengeCookie.Take(context), PasskeyChallenges.Register);
        if (await stepUp.SignedInUserAsync(context) is not { } user)
        {
            return Refused(SignInMessage.Of("Passkeys.Ended"), StatusCodes.Status401Unauthorized);
        }

        // The ceremony must be this person's, begun in this account's present state (no reset or sign-out everywhere since).
        if (challenge is null || challenge.UserId != user.Id
            || !string.Equals(challenge.SecurityStamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal)
            || PasskeyNames.Problem(form.Name) is not null)
        {
            return Refused(NotAdded);
        }

        var credential = form.Credential ?? string.Empty;
        var result = credential.Length is > 0 and <= MaxCredentialLength
            ? await passkeys.PerformAttestationAsync(new PasskeyAttestationContext { HttpContext = context, CredentialJson = credential, AttestationState = challenge.State })
            : null;
        if (result is not { Succeeded: true, Passkey: { } passkey, UserEntity: { } entity } || entity.Id != user.Id.ToString())
        {
            await RecordAsync(audit, user, AuditActions.PasskeyAdded, AuditOutcomes.Rejected);
            return Refused(NotAdded);
        }

        passkey.Name = PasskeyNames.OrDefault(form.Name, clock.GetUtcNow(), texts);
        Check(await users.AddOrUpdatePasskeyAsync(user, passkey));
        await RecordAsync(audit, user, AuditActions.PasskeyAdded, AuditOutcomes.Success);
        return Results.Json(new PasskeySignInEndpoints.Redirect(Path));
    }

    private static async Task<IResult> RemoveAsync(
        HttpContext context, IAntiforgery antiforgery, StepUp stepUp, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
        IAuditTrail audit)
    {
        await antiforgery.ValidateFormAsync(context);
        var form = RemoveForm.Of(await context.Request.ReadFormAsync());
        if (await stepUp.SignedInUserAsync(context) is not { } user)
        {
            return StepUp.ToSignIn(Path);
        }

        var id = form.Passkey is { Length: > 0 and <= 1400 } typed && Base64Url.IsValid(typed) ? Base64Url.DecodeFromChars(typed) : null;
        if (id is null || await users.GetPasskeyAsync(user, id) is null)
        {
            return await PasskeyPageAsync(context, stepUp, users, user, SignInMessage.Of("Passkeys.Choose"), StatusCodes.Status400BadRequest);
        }

        if (!user.TwoFactorEnabled && (await users.GetPasskeysAsync(user)).Count == 1)
        {
            // Only in Development can an account be without an authenticator app; its last second factor stays.
            return await PasskeyPageAsync(context, stepUp, users, user, SignInMessage.Of("Passkeys.OnlyFactor"), StatusCodes.Status409Conflict);
        }

        if (await stepUp.ProveUnlessRecentAsync(context, user, form.Password, form.Code) is { } failure)
        {
            await RecordAsync(audit, user, AuditActions.PasskeyRemoved, AuditOutcomes.Denied);
            return await PasskeyPageAsync(context, stepUp, users, user, failure);
        }

        Check(await users.RemovePasskeyAsync(user, id));
        // A new stamp ends every other session, one signed in with this passkey included; this browser's carries on as it was.
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        Check(await users.UpdateSecurityStampAsync(user));
        await signIn.SignInWithClaimsAsync(user, current.Properties,
            current.Principal?.FindAll(OpenIddictConstants.Claims.AuthenticationMethodReference) ?? []);
        await RecordAsync(audit, user, AuditActions.PasskeyRemoved, AuditOutcomes.Success);
        return Results.Redirect(Path);
    }

    private static readonly SignInMessage NotAdded = SignInMessage.Of("Passkeys.NotAdded");

    private static async Task<IResult> PasskeyPageAsync(
        HttpContext context, StepUp stepUp, UserManager<ApplicationUser> users, ApplicationUser user, SignInMessage? error,
        int status = StatusCodes.Status200OK) =>
        SignInPages.Passkeys(await users.GetPasskeysAsync(user), !await stepUp.SignedInRecentlyAsync(context), user.TwoFactorEnabled, error, status);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Codes only: Identity's descriptions can repeat the user name.
            throw new InvalidOperationException("Identity refused the change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    private static SignInRefusal Refused(SignInMessage error, int status = StatusCodes.Status400BadRequest) => new(error, status);

    /// <summary>Ids only: neither the passkey's name nor its credential id is personal, but neither helps an auditor either.</summary>
    private static Task RecordAsync(IAuditTrail audit, ApplicationUser user, string action, string outcome) =>
        audit.RecordAsync(new AuditRecord(user.OrganisationId, user.Id, null, action, "User", user.Id, outcome), CancellationToken.None);

    // Read by hand after the antiforgery check: minimal APIs' binding of a [FromForm] record answers 400 when a field is left out
    // (the step-up's fields are, after a recent sign-in).
    internal sealed record AddForm(string? Name, string? Password, string? Code)
    {
        public static AddForm Of(IFormCollection form) => new(form["name"], form["password"], form["code"]);
    }

    internal sealed record FinishForm(string? Credential, string? Name)
    {
        public static FinishForm Of(IFormCollection form) => new(form["credential"], form["name"]);
    }

    internal sealed record RemoveForm(string? Passkey, string? Password, string? Code)
    {
        public static RemoveForm Of(IFormCollection form) => new(form["passkey"], form["password"], form["code"]);
    }
}
