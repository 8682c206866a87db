using System.Text.Json;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Api.Problems;

/// <summary>
/// Maps every exception to an RFC 9457 problem. Details are fixed sentences and field paths,
/// never the submitted values, which may be personal data.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client should wait before it tries again after a 503: long enough for a database restart.</summary>
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (IsAbandoned(exception, httpContext))
        {
            // The client went away: nobody reads an answer, and it is not a server error.
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var problem = ToProblem(exception);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        if (problem.Status >= StatusCodes.Status500InternalServerError && !FailureLog.IsLogged(exception))
        {
            // Failed outside a use case (authentication, a framework component): one line, the type and the stack, never the
            // exception's message, which can quote a key value. The host's own line (the whole exception) is then suppressed.
            var outage = problem.Status == StatusCodes.Status503ServiceUnavailable;
            LogFailure(logger, outage ? LogLevel.Warning : LogLevel.Error, exception.GetType().FullName, httpContext.Request.Method,
                httpContext.GetEndpoint()?.DisplayName, outage ? "(an outage: no stack)" : exception.StackTrace);
            FailureLog.MarkLogged(exception);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>
    /// Expected failures are answered, not logged as server errors; neither is a request its client abandoned. The others
    /// were logged once already, by the use case or by <see cref="TryHandleAsync"/>.
    /// </summary>
    public static bool IsExpected(Exception exception, HttpContext context) =>
        IsAbandoned(exception, context) || FailureLog.IsLogged(exception) || ToProblem(exception).Status < StatusCodes.Status500InternalServerError;

    private static bool IsAbandoned(Exception exception, HttpContext context) =>
        exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested;

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors
                .GroupBy(e => FieldPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
        },
        UnauthorizedAccessException => Problem(StatusCodes.Status403Forbidden, "Forbidden.", "The caller has no organisation."),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden.", forbidden.Message),
        AntiforgeryValidationException => Problem(StatusCodes.Status400BadRequest, "The form has expired.", "Reload the page and try again."),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", $"No {notFound.Entity} with this id is visible to you."),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message, conflict.Code),
        UnprocessableException unprocessable => Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed.", unprocessable.Message, unprocessable.Code),
        UnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Try again later.", unavailable.Message),
        _ when DatabaseUnavailable.Is(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Try again later.", "The database is not answering. Try again in a few seconds."),
        DomainException { Kind: DomainErrorKind.InvalidArgument } domain => Problem(StatusCodes.Status400BadRequest, "The request is invalid.", domain.Message, domain.Code),
        DomainException domain => Problem(StatusCodes.Status409Conflict, "Conflict.", domain.Message, domain.Code),
        BadHttpRequestException { InnerException: JsonException json } when MissingMembers(json) is { Length: > 0 } missing => new HttpValidationProblemDetails(
            missing.ToDictionary(name => FieldPath(json.Path, name), _ => new[] { "This field is required." }))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
        },
        BadHttpRequestException bad => Problem(bad.StatusCode, Title(bad.StatusCode), Describe(bad)),
        InvalidDataException => Problem(StatusCodes.Status400BadRequest, "The request is malformed.", "The form holds invalid characters, or too many or too long values."),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
    };

    [LoggerMessage(Message = "{Method} {Endpoint} failed with {ExceptionType} at {StackTrace}")]
    private static partial void LogFailure(ILogger logger, LogLevel level, [NoDataClassification] string? exceptionType,
        [NoDataClassification] string method, [NoDataClassification] string? endpoint, [NoDataClassification] string? stackTrace);

    private static ProblemDetails Problem(int status, string title, string? detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    private static string Title(int status) =>
        status == StatusCodes.Status400BadRequest ? "The request is malformed." : ProblemTitles.For(status);

    /// <summary>Names where JSON failed (its path), never the text found there.</summary>
    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        Json.UnsafeTextException { Path: { Length: > 0 } path } => $"The text at {path} holds control characters or invalid Unicode.",
        JsonException { Path: { Length: > 0 } path } => $"The body is not valid JSON for this operation, at {path}.",
        JsonException => "The body is not valid JSON for this operation.",
        _ => bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Send a smaller body." : "A parameter is missing or malformed.",
    };

    /// <summary>
    /// The members a body left out, from the serializer's message ("… missing required properties
    /// including: 'reason', 'closedOn'."), which names the contract's fields, never submitted values.
    /// </summary>
    private static string[] MissingMembers(JsonException json) =>
        MissingMembersPattern().Match(json.Message) is { Success: true } match
            ? [.. QuotedName().Matches(match.Groups[1].Value).Select(name => name.Groups[1].Value)]
            : [];

    /// <summary>A member's path under the object where it is missing ("$" is the body itself).</summary>
    private static string FieldPath(string? objectPath, string member) =>
        objectPath is null or "$" ? member : $"{objectPath.TrimStart('$', '.')}.{member}";

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (.+)")]
    private static partial System.Text.RegularExpressions.Regex MissingMembersPattern();

    /// <summary>Each name is quoted; the separator between them follows the server's culture.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("'([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    /// <summary>"Beneficiary.FullName" → "beneficiary.fullName", matching the JSON the client sent.</summary>
    private static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
