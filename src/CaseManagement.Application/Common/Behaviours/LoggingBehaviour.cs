using System.Diagnostics;
using CaseManagement.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs every message and every unhandled exception by type name, ids and
/// duration only. The message body may hold personal data, so it is never logged, and neither is
/// an exception's message: only its type.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger,
    ICurrentUser currentUser) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).Name;
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, name, currentUser.UserId, currentUser.OrganisationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (IsExpected(ex))
        {
            LogRejected(logger, name, ex.GetType().Name, currentUser.UserId, currentUser.OrganisationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, name, ex.GetType().FullName, currentUser.UserId, currentUser.OrganisationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.StackTrace);
            throw;
        }
    }

    private static bool IsExpected(Exception ex) =>
        ex is FluentValidation.ValidationException
            or Exceptions.ForbiddenException
            or UnauthorizedAccessException
            or Exceptions.NotFoundException
            or Exceptions.ConflictException
            or Exceptions.UnprocessableException
            or Domain.Common.DomainException
            or OperationCanceledException;

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} handled for user {UserId} of organisation {OrganisationId} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageType, Guid? userId, Guid? organisationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} rejected with {ExceptionType} for user {UserId} of organisation {OrganisationId} in {ElapsedMs:0.0} ms")]
    private static partial void LogRejected(ILogger logger, string messageType, string exceptionType, Guid? userId, Guid? organisationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MessageType} failed with {ExceptionType} for user {UserId} of organisation {OrganisationId} after {ElapsedMs:0.0} ms at {StackTrace}")]
    private static partial void LogFailed(ILogger logger, string messageType, string? exceptionType, Guid? userId, Guid? organisationId, double elapsedMs, string? stackTrace);
}
