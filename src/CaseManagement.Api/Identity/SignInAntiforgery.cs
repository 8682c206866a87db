using CaseManagement.Web.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace CaseManagement.Api.Identity;

/// <summary>
/// The forms of a signed-in person's pages (their account's, the device confirmation, signing out)
/// carry a token made for the person the sign-in cookie names (<see cref="CookieUser"/>), as on
/// the web application's pages, and are checked so: their language switch posts to the web
/// application's /culture, which checks it that way. The sign-in's own steps (<see
/// cref="SignInPage.SignInStep"/>) keep the framework's check, for nobody in particular.
/// </summary>
internal static class SignInAntiforgery
{
    public static async Task ValidateFormAsync(this IAntiforgery antiforgery, HttpContext context)
    {
        await CookieUser.ApplyAsync(context);
        await antiforgery.ValidateRequestAsync(context);
    }
}
