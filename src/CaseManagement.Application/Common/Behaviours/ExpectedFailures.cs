namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// The exceptions that are an answer, not a fault (a refusal, a missing record, invalid input, a
/// cancelled request): logs and metrics both call them "rejected", so they must agree on the list.
/// </summary>
internal static class ExpectedFailures
{
    public static bool IsExpected(Exception ex) =>
        ex is FluentValidation.ValidationException
            or Exceptions.ForbiddenException
            or UnauthorizedAccessException
            or Exceptions.NotFoundException
            or Exceptions.ConflictException
            or Exceptions.UnprocessableException
            or Domain.Common.DomainException
            or OperationCanceledException;
}
