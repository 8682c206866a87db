namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The request is well formed but cannot be processed as sent, e.g. an idempotency key reused for another body. Answers 422.</summary>
public sealed class UnprocessableException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
