namespace CaseManagement.Application.Common.Exceptions;

/// <summary>A service the command needs (the mail server) did not answer; nothing was written. Answers 503.</summary>
public sealed class UnavailableException(string message, Exception? inner = null) : Exception(message, inner);
