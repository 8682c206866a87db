using System.Security.Claims;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Common;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Resources;
using CaseManagement.Web.Shared;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace CaseManagement.Web;

/// <summary>
/// A page: it sends the Application's messages under the signed-in person's identity, so the
/// pipeline authorizes, validates, audits and commits exactly as for the API. A refusal becomes
/// the page's status (403 or 404) and a message; a rejected form comes back with its errors and a
/// 400. Neither is ever an exception page.
/// </summary>
public abstract class WebPage : ComponentBase
{
    /// <summary>The request being rendered (static server-side rendering always has one).</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private WebSendGate Gate { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    /// <summary>The texts in the page's language, for the use case's refusals (a page's own texts are its L).</summary>
    [Inject]
    private IStringLocalizer<Text> Texts { get; set; } = default!;

    /// <summary>What a command that answers nothing returns here when it succeeded.</summary>
    private static readonly object Done = new();

    /// <summary>The status the page answers with when the use case refused, or null.</summary>
    protected int? Refused { get; private set; }

    /// <summary>The errors of the form this request posted, if any.</summary>
    protected FormErrors Errors { get; } = new();

    /// <summary>
    /// Whether the command was refused because someone saved the record after this form read it. The page then shows
    /// the record as saved now, with its new version, and the person makes their change again over what they can see:
    /// their old values are never sent again over a colleague's change they have not seen.
    /// </summary>
    protected bool Stale { get; private set; }

    /// <summary>
    /// The posted form (its values are shown again when it comes back with errors), or null on a GET, and after a
    /// <see cref="Stale"/> refusal, when the page shows the record as saved.
    /// </summary>
    protected IFormCollection? Posted => !Stale && HttpContext?.Request.HasFormContentType == true ? HttpContext.Request.Form : null;

    /// <summary>A posted field's value as sent, to show it again; null when absent or empty.</summary>
    protected string? Value(string name) => Posted?[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>The values posted under one name (the checked boxes of a group), to show them again.</summary>
    protected IEnumerable<string> Values(string name) => Posted is { } posted ? posted[name].OfType<string>() : [];

    /// <summary>
    /// Whether the page was reached by the redirect after a save (<paramref name="flag"/>, a query
    /// flag, is "true"): its confirmation shows on that view only, not over a later form posted to
    /// the same address.
    /// </summary>
    protected bool Confirmed(string? flag) => flag == "true" && !HttpMethods.IsPost(HttpContext?.Request.Method ?? HttpMethods.Get);

    /// <summary>Today's date, as the use cases count days (UTC).</summary>
    protected DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The day of a moment, as <see cref="Today"/> counts days.</summary>
    protected static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The signed-in person's id (the sign-in policy lets no one in without one).</summary>
    protected Guid? Me => Guid.TryParse(HttpContext?.User.FindFirstValue(CaseManagementClaims.Subject), out var id) ? id : null;

    /// <summary>Whether the signed-in person holds <paramref name="role"/>.</summary>
    protected bool HasRole(string role) => HttpContext?.User.HasClaim(CaseManagementClaims.Role, role) == true;

    /// <summary>A date as the page's language writes it (ro-RO 07.12.2026, en-GB 07/12/2026).</summary>
    protected static string Day(DateOnly date) => date.ToString("d", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The attributes of a field with errors (aria-invalid, aria-describedby).</summary>
    protected Dictionary<string, object> Invalid(string field) => FieldError.AttributesFor(Errors, field);

    protected Task<T?> SendAsync<T>(IQuery<T> query)
        where T : class =>
        RunAsync(cancellationToken => Sender.Send(query, cancellationToken), null, null);

    /// <summary>
    /// Reads a record that may not exist yet (a service's details before the first are saved):
    /// not found is null here, not the page's 404. Every other refusal still refuses the page.
    /// </summary>
    protected async Task<T?> FindAsync<T>(IQuery<T> query)
        where T : class
    {
        try
        {
            return await Gate.RunAsync(cancellationToken => Sender.Send(query, cancellationToken), HttpContext?.RequestAborted ?? CancellationToken.None);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (ForbiddenException)
        {
            Refuse(StatusCodes.Status403Forbidden);
            return null;
        }
    }

    /// <summary>
    /// Sends a command; its validation errors land on the form's fields (<paramref name="prefix"/>: the input's name in the
    /// command; <paramref name="scope"/>: the form's, when several forms of the page have a field of that name).
    /// </summary>
    protected Task<T?> SendAsync<T>(ICommand<T> command, string? prefix = null, string? scope = null)
        where T : class =>
        RunAsync(cancellationToken => Sender.Send(command, cancellationToken), prefix, scope);

    /// <summary>Sends a command that answers nothing; true when it was carried out.</summary>
    protected async Task<bool> SendAsync(ICommand command) =>
        await RunAsync(async cancellationToken =>
        {
            await Sender.Send(command, cancellationToken);
            return Done;
        }, null, null) is not null;

    /// <summary>
    /// A form is not shown to a person whose role the use case behind it would refuse: the page
    /// answers 403 at once. The use case still decides when the form is sent.
    /// </summary>
    protected void RequireRole(params string[] roles)
    {
        if (!roles.Any(HasRole))
        {
            Refuse(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The page shows the refusal (403, or 404 for data that is not there or not the organisation's) with its status.</summary>
    protected void Refuse(int status)
    {
        Refused = status;
        if (status == StatusCodes.Status404NotFound && HttpContext is { Response.HasStarted: false } context)
        {
            // Blazor sends a page whose status is 404 without its body (leaving it to a status-code page), and the host's
            // would be a JSON problem: the status is set as the response starts, once the refusal page is written.
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.StatusCode = status;
                }

                return Task.CompletedTask;
            });
            return;
        }

        SetStatus(status);
    }

    /// <summary>The form comes back with its errors: a 400, so that a client (or a probe) sees the refusal.</summary>
    protected void Rejected()
    {
        if (Errors.Any)
        {
            SetStatus(StatusCodes.Status400BadRequest);
        }
    }

    private async Task<T?> RunAsync<T>(Func<CancellationToken, ValueTask<T>> send, string? prefix, string? scope)
        where T : class
    {
        try
        {
            return await Gate.RunAsync(send, HttpContext?.RequestAborted ?? CancellationToken.None);
        }
        catch (ValidationException validation)
        {
            Errors.Add(validation, Texts, prefix, scope);
        }
        catch (Exception rule) when (RuleCode(rule) is { } code)
        {
            Stale = code == ConflictException.StaleVersionCode;
            // Fixed sentences that name no data: the API returns the English one as a problem's detail, with the code.
            Errors.Add(FormErrors.Form, RuleMessages.Of(code, rule.Message, Texts));
        }
        catch (Exception exception) when (StatusOf(exception) is { } status)
        {
            Refuse(status);
            return null;
        }

        Rejected();
        return null;
    }

    private void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = status;
        }
    }

    private static string? RuleCode(Exception exception) => exception switch
    {
        ConflictException conflict => conflict.Code,
        UnprocessableException unprocessable => unprocessable.Code,
        DomainException domain => domain.Code,
        _ => null,
    };

    /// <summary>Who may not see the data, and data that is not there (or belongs to another organisation), answer alike to the API.</summary>
    private static int? StatusOf(Exception exception) => exception switch
    {
        ForbiddenException or UnauthorizedAccessException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        _ => null,
    };
}
