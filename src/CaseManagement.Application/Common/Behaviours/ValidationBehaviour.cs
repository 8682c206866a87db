using FluentValidation;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the message before its handler.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            // Attempted values stay out: they are personal data and exceptions get logged.
            foreach (var failure in failures)
            {
                failure.AttemptedValue = null;
            }

            throw new ValidationException("The request is invalid.", failures);
        }

        return await next(message, cancellationToken);
    }
}
