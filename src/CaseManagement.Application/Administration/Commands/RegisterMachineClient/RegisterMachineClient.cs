using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace CaseManagement.Application.Administration.Commands.RegisterMachineClient;

/// <summary>A platform administrator registers a machine client (client credentials); its secret is shown once.</summary>
[Audited(AuditActions.Create, "MachineClient")]
[RequiresRole(Roles.PlatformAdmin)]
public sealed record RegisterMachineClientCommand(string DisplayName, IReadOnlyList<string> Scopes) : ICommand<NewMachineClient>;

internal sealed class RegisterMachineClientHandler(IIdentityAdministration identity) : ICommandHandler<RegisterMachineClientCommand, NewMachineClient>
{
    public async ValueTask<NewMachineClient> Handle(RegisterMachineClientCommand command, CancellationToken cancellationToken) =>
        await identity.RegisterClientAsync(command.DisplayName, command.Scopes, cancellationToken);
}

public sealed class RegisterMachineClientValidator : AbstractValidator<RegisterMachineClientCommand>
{
    /// <summary>Machine clients get narrow scopes: today only the statistics integration's.</summary>
    public static readonly IReadOnlyList<string> GrantableScopes = ["stats.read"];

    public RegisterMachineClientValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100).Line();
        RuleFor(x => x.Scopes).NotNull()
            .Must(s => s.Count > 0 && s.All(GrantableScopes.Contains) && s.Distinct().Count() == s.Count)
            .WithMessage($"Give one or more of: {string.Join(", ", GrantableScopes)}.");
    }
}
