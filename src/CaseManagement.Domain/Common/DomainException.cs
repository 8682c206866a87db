namespace CaseManagement.Domain.Common;

/// <summary>What kind of rule a domain operation broke; the API maps it to a status code.</summary>
public enum DomainErrorKind
{
    /// <summary>The input itself is impossible (an end before a start).</summary>
    InvalidArgument,

    /// <summary>The input is fine but the aggregate's state forbids it (an episode on a closed case).</summary>
    InvalidState,
}

/// <summary>
/// A broken invariant. Messages are fixed sentences written by developers: they never carry
/// the values involved, so they are safe to log and to return.
/// </summary>
public sealed class DomainException(DomainErrorKind kind, string code, string message) : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    /// <summary>A stable machine-readable code, e.g. <c>case.closed</c>.</summary>
    public string Code { get; } = code;

    public static DomainException State(string code, string message) => new(DomainErrorKind.InvalidState, code, message);

    public static DomainException Argument(string code, string message) => new(DomainErrorKind.InvalidArgument, code, message);
}
