namespace CaseManagement.Application.Common.Exceptions;

/// <summary>
/// Marks an exception once a log line has told of it, so that each layer it passes through on the way
/// out (a nested use case, the host's exception handler) does not log it again.
/// </summary>
public static class FailureLog
{
    private const string Key = "casemanagement.logged";

    public static bool IsLogged(Exception exception) => exception.Data[Key] is true;

    public static void MarkLogged(Exception exception) => exception.Data[Key] = true;
}
