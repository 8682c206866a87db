using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.Crypto;

/// <summary>Refuses to start with blind-index settings that break the sizing rule's limits, saying which one.</summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options) =>
        BlindIndexSizing.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
