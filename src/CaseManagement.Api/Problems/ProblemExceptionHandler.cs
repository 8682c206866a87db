using System.Text.Json;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Api.Problems;

/// <summary>
/// Maps every exception to an RFC 9457 problem. Details are fixed sentences and field paths,
/// never the submitted values, which may be personal data.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Expected failures are answered, not logged as server errors.</summary>
    public static bool IsExpected(Exception exception) => ToProblem(exception).Status < StatusCodes.Status500InternalServerError;

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
        DomainException { Kind: DomainErrorKind.InvalidArgument } domain => Problem(StatusCodes.Status400BadRequest, "The request is invalid.", domain.Message, domain.Code),
        DomainException domain => Problem(StatusCodes.Status409Conflict, "Conflict.", domain.Message, domain.Code),
        BadHttpRequestException bad => Problem(bad.StatusCode, Title(bad.StatusCode), Describe(bad)),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
    };

    private static ProblemDetails Problem(int status, string title, string? detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON.",
        _ => "The request is malformed.",
    };

    /// <summary>Names where JSON failed (its path), never the text found there.</summary>
    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { Length: > 0 } path } => $"The body is not valid JSON for this operation, at {path}.",
        JsonException => "The body is not valid JSON for this operation.",
        _ => bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Send a smaller body." : "A parameter is missing or malformed.",
    };

    /// <summary>"Beneficiary.FullName" → "beneficiary.fullName", matching the JSON the client sent.</summary>
    private static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
