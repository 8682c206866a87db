namespace CaseManagement.Application.Sessions.Queries.ListMySessions;

/// <summary>One of the caller's sessions; <see cref="Current"/> marks the one this request came through.</summary>
public sealed record MySession(Guid Id, string? Client, DateTimeOffset CreatedAt, bool Current);
