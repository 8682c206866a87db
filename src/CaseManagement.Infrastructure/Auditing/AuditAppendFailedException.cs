namespace CaseManagement.Infrastructure.Auditing;

/// <summary>
/// A group-committed audit entry that was not written. Each waiting request gets one of its own around the
/// batch's cause, so that the requests never share (and race on) one exception object.
/// </summary>
public sealed class AuditAppendFailedException(Exception cause)
    : Exception("The audit entry could not be written; the request's answer is withheld.", cause);
