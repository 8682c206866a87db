using System.Reflection;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// The one place where roles are checked: a message runs only for a caller holding one of the
/// roles its <see cref="RequiresRoleAttribute"/> names, or, marked <see cref="RequiresSignedInUserAttribute"/>,
/// for any person signed in; marked <see cref="AllowsScopeAttribute"/>, also for a machine client
/// holding that scope. A message without any of these runs for nobody but the system itself.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly IReadOnlyList<string>? Required = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Roles;
    private static readonly bool AnyPerson = typeof(TMessage).GetCustomAttribute<RequiresSignedInUserAttribute>() is not null;
    private static readonly string? MachineScope = typeof(TMessage).GetCustomAttribute<AllowsScopeAttribute>()?.Scope;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!user.IsSystem
            && !(AnyPerson && user.UserId is not null)
            && !(MachineScope is not null && user.UserId is null && user.ClientId is not null && user.HasScope(MachineScope))
            && (Required is null || !Required.Any(user.IsInRole)))
        {
            throw new ForbiddenException("Your role does not allow this operation.");
        }

        return next(message, cancellationToken);
    }
}
