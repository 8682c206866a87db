namespace CaseManagement.Application.Common.Exceptions;

/// <summary>The row does not exist, or belongs to another organisation: both answer 404.</summary>
public sealed class NotFoundException(string entity, object id)
    : Exception($"{entity} {id} was not found.")
{
    public string Entity { get; } = entity;
}
