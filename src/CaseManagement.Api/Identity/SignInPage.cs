using System.Globalization;
using CaseManagement.Web;
using CaseManagement.Web.Resources;
using CaseManagement.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Api.Identity;

/// <summary>
/// One of the small server-rendered pages of the sign-in, drawn when it is sent, in the language the
/// web application's pages use (the culture cookie; Romanian by default): the title, an alert, the
/// body, and a switch to the other language. Every value is HTML-encoded; there is no inline script
/// or style, so the pages' Content-Security-Policy forbids both (see <see cref="PageSecurityHeaders"/>).
/// </summary>
internal sealed class SignInPage(string titleKey, Func<SignInView, string> body) : IResult
{
    public SignInMessage? Error { get; init; }

    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>Where the language switch comes back to: by default this page's path, with its query on a GET.</summary>
    public string? ReturnTo { get; init; }

    /// <summary>False on a page that shows secrets once: leaving it to change the language would lose them.</summary>
    public bool LanguageSwitch { get; init; } = true;

    /// <summary>
    /// A step of signing in (the sign-in form, enrolment, an invitation's forms): its forms are for nobody in particular,
    /// as they always were, so that a session begun meanwhile in another tab refuses none of them. Its language switch
    /// then shows only while no one is signed in: /culture checks a token against the person signed in.
    /// </summary>
    public bool SignInStep { get; init; }

    public async Task ExecuteAsync(HttpContext context)
    {
        var switchShown = LanguageSwitch;
        if (!SignInStep)
        {
            await CookieUser.ApplyAsync(context); // the forms' token is made for the person signed in (SignInAntiforgery)
        }
        else if (switchShown)
        {
            var signIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            switchShown = signIn is not { Succeeded: true, Principal.Identity.IsAuthenticated: true };
        }

        var view = new SignInView(context, context.RequestServices.GetRequiredService<IStringLocalizer<Text>>(), context.RequestServices.GetRequiredService<IAntiforgery>());
        var title = view[titleKey];
        var alert = Error is null ? string.Empty : $"<p role=\"alert\">{view.Say(Error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>{title} · CaseManagement</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="{SignInAssets.StylesheetPath}"></head>
            <body><main><header class="brand"><img src="/favicon.svg" alt=""> CaseManagement{(switchShown ? Switch(view) : string.Empty)}</header>
            <h1>{title}</h1>{alert}{body(view)}</main></body></html>
            """;
        await Results.Content(html, "text/html; charset=utf-8", statusCode: Status).ExecuteAsync(context);
    }

    /// <summary>Two plain buttons posting to the web application's <c>/culture</c>, which checks the token and the address to come back to.</summary>
    private string Switch(SignInView view)
    {
        var request = view.Context.Request;
        var back = LocalUrls.Safe(ReturnTo ?? (HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : request.Path.ToString()));
        var buttons = string.Concat(WebCultures.Supported.Select(culture =>
            $"<button type=\"submit\" name=\"culture\" value=\"{culture.Name}\" lang=\"{culture.TwoLetterISOLanguageName}\" class=\"secondary\" " +
            $"aria-pressed=\"{(culture.Name == CultureInfo.CurrentUICulture.Name ? "true" : "false")}\">{SignInView.Encode(WebCultures.NameOf(culture))}</button>"));
        return $"""
            <form method="post" action="{WebSetup.CulturePath}" class="language" aria-label="{view["Layout.Language"]}">{view.Antiforgery()}<input type="hidden" name="returnUrl" value="{SignInView.Encode(back)}">{buttons}</form>
            """;
    }
}
