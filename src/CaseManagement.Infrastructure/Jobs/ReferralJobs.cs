using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Referrals.Commands.ExpireReferrals;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CaseManagement.Infrastructure.Telemetry;
using Microsoft.Extensions.Compliance.Classification;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// The referral expiry scan: one pass over the platform's pending referrals under the system
/// identity (a referral spans two organisations, so no single tenant scope fits). It takes no
/// arguments and a rerun expires nothing twice. The notices it leaves are mailed by the next
/// reminder scan of each organisation.
/// </summary>
public sealed partial class ReferralJobs(IServiceScopeFactory scopes, ILogger<ReferralJobs> logger)
{
    public const string Name = "referral-expiry";

    public Task ExpireReferralsAsync(CancellationToken cancellationToken) =>
        JobTelemetry.RunAsync(Name, ExpireAsync, cancellationToken);

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope(null);
        var expired = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireReferralsCommand(), cancellationToken);
        LogExpired(logger, expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The referral expiry scan expired {Count} referrals.")]
    private static partial void LogExpired(ILogger logger, [NoDataClassification] int count);
}
