namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The request clashes with the current state, e.g. a stale version. Answers 409.</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    /// <summary>The code of a change based on a version someone else has replaced meanwhile.</summary>
    public const string StaleVersionCode = "concurrency.stale-version";

    public string Code { get; } = code;

    public static ConflictException StaleVersion() =>
        new(StaleVersionCode, "The record was changed by someone else; reload it and try again.");
}
