namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The request clashes with the current state, e.g. a stale version. Answers 409.</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static ConflictException StaleVersion() =>
        new("concurrency.stale-version", "The record was changed by someone else; reload it and try again.");
}
