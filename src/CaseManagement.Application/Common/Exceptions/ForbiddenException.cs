namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this. Answers 403; the message names no data.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
