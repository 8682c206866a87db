using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Validation;
using FluentValidation;
using FluentValidation.Results;

namespace CaseManagement.Application.Administration.Commands.RegisterMachineClient;

public sealed class RegisterMachineClientValidator : AbstractValidator<RegisterMachineClientCommand>
{
    /// <summary>Machine clients get narrow scopes: today only the statistics integration's.</summary>
    public static readonly IReadOnlyList<string> GrantableScopes = [MachineScopes.StatisticsRead];

    public RegisterMachineClientValidator(IMachineClientCredentials credentials)
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(100).Line();
        RuleFor(x => x.Scopes).NotNull()
            .Must(s => s.Count > 0 && s.All(GrantableScopes.Contains) && s.Distinct().Count() == s.Count)
            .WithMessage($"Give one or more of: {string.Join(", ", GrantableScopes)}.").WithErrorCode("MachineClient.Scopes");
        RuleFor(x => x.PublicKey)
            .NotEmpty().When(_ => !credentials.ClientSecretsAllowed, ApplyConditionTo.CurrentValidator)
            .WithMessage("Give the client's public key (PEM, as printed by openssl pkey -pubout): clients authenticate with signed assertions.")
            .WithErrorCode("MachineClient.PublicKeyNeeded");
        RuleFor(x => x.PublicKey!)
            .Custom((pem, context) =>
            {
                if (credentials.RefusalReason(pem) is { } reason)
                {
                    // One code for the key's every fault: a page says so in its language, the API gives the reason.
                    context.AddFailure(new ValidationFailure(context.PropertyPath, reason) { ErrorCode = "MachineClient.PublicKey" });
                }
            })
            .When(x => !string.IsNullOrEmpty(x.PublicKey));
    }
}
