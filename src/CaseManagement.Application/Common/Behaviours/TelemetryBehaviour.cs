using System.Diagnostics;
using CaseManagement.Application.Common.Telemetry;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: a span per use case named by its message type, and its duration by outcome.
/// Only type names are recorded: never the message, and never an exception's message (which may
/// quote a value), so no exception event is added to the span either.
/// </summary>
public sealed class TelemetryBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = CaseManagementTelemetry.Source.StartActivity(UseCase);
        activity?.SetTag(CaseManagementTelemetry.UseCaseTag, UseCase);
        var started = Stopwatch.GetTimestamp();
        var outcome = "success";
        string? error = null;
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex)
        {
            outcome = ExpectedFailures.IsExpected(ex) ? "rejected" : Exceptions.DatabaseUnavailable.Is(ex) ? "unavailable" : "failed";
            error = ex.GetType().FullName;
            throw;
        }
        finally
        {
            var tags = new TagList { { CaseManagementTelemetry.UseCaseTag, UseCase }, { CaseManagementTelemetry.OutcomeTag, outcome } };
            if (error is not null)
            {
                tags.Add(CaseManagementTelemetry.ErrorTypeTag, error);
            }

            CaseManagementTelemetry.UseCaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (activity is not null)
            {
                activity.SetTag(CaseManagementTelemetry.OutcomeTag, outcome);
                activity.SetTag(CaseManagementTelemetry.ErrorTypeTag, error);
                if (outcome == "failed")
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }
        }
    }
}
