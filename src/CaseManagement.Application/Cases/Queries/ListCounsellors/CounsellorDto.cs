namespace CaseManagement.Application.Cases.Queries.ListCounsellors;

public sealed record CounsellorDto(Guid UserId, DateTimeOffset DesignatedAt);
