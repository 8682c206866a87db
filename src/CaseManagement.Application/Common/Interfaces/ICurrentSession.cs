namespace CaseManagement.Application.Common.Interfaces;

/// <summary>The session the current request's token belongs to, when the token says (machine clients have none).</summary>
public interface ICurrentSession
{
    Guid? SessionId { get; }
}
