using System.Diagnostics;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Telemetry;
using Microsoft.Extensions.Compliance.Classification;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Just inside the telemetry span, so its lines carry the trace id: logs every message and every
/// unhandled exception by type name, ids and duration only. The message body may hold personal
/// data, so it is never logged, and neither is an exception's message: only its type. Ids are
/// classified, so the host logs them as pseudonyms.
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
        catch (Exception ex) when (ExpectedFailures.IsExpected(ex))
        {
            LogRejected(logger, name, ex.GetType().Name, currentUser.UserId, currentUser.OrganisationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (!FailureLog.IsLogged(ex))
        {
            // Once, by the innermost use case it passed through; an outage without its stack, as nothing is wrong with the code.
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (DatabaseUnavailable.Is(ex))
            {
                LogUnavailable(logger, name, ex.GetType().FullName, currentUser.UserId, currentUser.OrganisationId, elapsed);
            }
            else
            {
                LogFailed(logger, name, ex.GetType().FullName, currentUser.UserId, currentUser.OrganisationId, elapsed, ex.StackTrace);
            }

            FailureLog.MarkLogged(ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} handled for user {UserId} of organisation {OrganisationId} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageType, [PseudonymousData] Guid? userId, [PseudonymousData] Guid? organisationId, [NoDataClassification] double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} rejected with {ExceptionType} for user {UserId} of organisation {OrganisationId} in {ElapsedMs:0.0} ms")]
    private static partial void LogRejected(ILogger logger, string messageType, string exceptionType, [PseudonymousData] Guid? userId, [PseudonymousData] Guid? organisationId, [NoDataClassification] double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{MessageType} failed with {ExceptionType} for user {UserId} of organisation {OrganisationId} after {ElapsedMs:0.0} ms: the database did not answer")]
    private static partial void LogUnavailable(ILogger logger, string messageType, string? exceptionType, [PseudonymousData] Guid? userId, [PseudonymousData] Guid? organisationId, [NoDataClassification] double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MessageType} failed with {ExceptionType} for user {UserId} of organisation {OrganisationId} after {ElapsedMs:0.0} ms at {StackTrace}")]
    private static partial void LogFailed(ILogger logger, string messageType, string? exceptionType, [PseudonymousData] Guid? userId, [PseudonymousData] Guid? organisationId, [NoDataClassification] double elapsedMs, [NoDataClassification] string? stackTrace);
}
