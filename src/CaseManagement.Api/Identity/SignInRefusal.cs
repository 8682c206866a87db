using CaseManagement.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Api.Identity;

/// <summary>A refusal the passkey script shows as text (<c>{"error": …}</c>), in the page's language.</summary>
internal sealed class SignInRefusal(SignInMessage message, int status) : IResult
{
    public Task ExecuteAsync(HttpContext context) =>
        Results.Json(new Body(message.In(context.RequestServices.GetRequiredService<IStringLocalizer<Text>>())), statusCode: status).ExecuteAsync(context);

    private sealed record Body(string Error);
}
