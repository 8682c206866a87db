using CaseManagement.Application.Common.Auditing;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using Mediator;

namespace CaseManagement.Application.Auditing.Queries.VerifyAuditChain;

/// <summary>Checks the caller's organisation's audit chain and returns its head, to keep outside the database.</summary>
[Audited(AuditActions.Read, "AuditChain")]
[RequiresRole(Roles.OrganisationAdmin)]
public sealed record VerifyAuditChainQuery(long? ExpectedHeadSequence, string? ExpectedHeadHash) : IQuery<AuditChainReport>;

internal sealed class VerifyAuditChainHandler(IAuditChainVerifier verifier, ICurrentUser user) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken) =>
        await verifier.VerifyAsync(user.RequireOrganisationId(), query.ExpectedHeadSequence, query.ExpectedHeadHash, cancellationToken);
}
