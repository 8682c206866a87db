using CaseManagement.Application.Common.Exceptions;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace CaseManagement.Web;

/// <summary>
/// A page: it sends the Application's messages under the signed-in person's identity, so the
/// pipeline authorizes, validates, audits and commits exactly as for the API. A refusal becomes
/// the page's status (403 or 404) and a message, never an exception page.
/// </summary>
public abstract class WebPage : ComponentBase
{
    /// <summary>The request being rendered (static server-side rendering always has one).</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private ISender Sender { get; set; } = default!;

    /// <summary>The status the page answers with when the use case refused, or null.</summary>
    protected int? Refused { get; private set; }

    protected async Task<T?> SendAsync<T>(IQuery<T> query)
        where T : class
    {
        try
        {
            return await Sender.Send(query, HttpContext?.RequestAborted ?? CancellationToken.None);
        }
        catch (Exception exception) when (StatusOf(exception) is { } status)
        {
            Refuse(status);
            return null;
        }
    }

    private void Refuse(int status)
    {
        Refused = status;
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = status;
        }
    }

    /// <summary>Who may not see the data, and data that is not there (or belongs to another organisation), answer alike to the API.</summary>
    private static int? StatusOf(Exception exception) => exception switch
    {
        ForbiddenException or UnauthorizedAccessException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        _ => null,
    };
}
