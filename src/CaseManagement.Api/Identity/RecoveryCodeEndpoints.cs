using CaseManagement.Application.Common.Auditing;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Api.Identity;

/// <summary>
/// /account/recovery-codes: signed in, with the password and a fresh authenticator code, a person
/// gets ten new recovery codes, shown once; the set before stops working. Only for an account
/// with an authenticator, which the codes stand in for.
/// </summary>
internal static class RecoveryCodeEndpoints
{
    public const string Path = "/account/recovery-codes";

    public static IEndpointRouteBuilder MapRecoveryCodePages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, PageAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, RegenerateAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, StepUp stepUp, RecoveryCodes codes)
    {
        if (await stepUp.SignedInUserAsync(context) is not { } user)
        {
            return StepUp.ToSignIn(Path);
        }

        return user.TwoFactorEnabled
            ? SignInPages.RecoveryCodesForm(await codes.RemainingAsync(user), null)
            : NoAuthenticator();
    }

    private static async Task<IResult> RegenerateAsync(
        HttpContext context, IAntiforgery antiforgery, StepUp stepUp, RecoveryCodes codes, IAuditTrail audit, [FromForm] RegenerateForm form)
    {
        await antiforgery.ValidateFormAsync(context);
        if (await stepUp.SignedInUserAsync(context) is not { } user)
        {
            return StepUp.ToSignIn(Path);
        }

        if (!user.TwoFactorEnabled)
        {
            return NoAuthenticator();
        }

        if (await stepUp.ProveAsync(user, form.Password, form.Code) is { } failure)
        {
            await audit.RecordAsync(
                new AuditRecord(user.OrganisationId, user.Id, null, AuditActions.RecoveryCodesGenerated, "User", user.Id, AuditOutcomes.Denied), CancellationToken.None);
            return SignInPages.RecoveryCodesForm(await codes.RemainingAsync(user), failure);
        }

        var fresh = await codes.RegenerateAsync(user, CancellationToken.None);
        context.Response.Headers.CacheControl = "no-store"; // shown once: no copy in any cache
        return SignInPages.RecoveryCodesShown(fresh);
    }

    private static IResult NoAuthenticator() =>
        SignInPages.Message(StatusCodes.Status409Conflict, "RecoveryCodes.NoAuthenticatorTitle", "RecoveryCodes.NoAuthenticatorText");

    internal sealed record RegenerateForm(string? Password, string? Code);
}
