using CaseManagement.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ClientId).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.MaxEntityTypeLength);
        builder.Property(e => e.Outcome).HasMaxLength(20);
        builder.Property(e => e.PreviousHash).HasMaxLength(32);
        builder.Property(e => e.Hash).HasMaxLength(32);
        // One link per position: two racing appends cannot both take the same place in the chain.
        builder.HasIndex(e => new { e.OrganisationId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.OrganisationId, e.EntityId });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<Infrastructure.Auditing.AuditChainHead>
{
    public void Configure(EntityTypeBuilder<Infrastructure.Auditing.AuditChainHead> builder)
    {
        builder.HasKey(h => h.OrganisationId);
        builder.Property(h => h.OrganisationId).ValueGeneratedNever(); // the platform chain's id is Guid.Empty
        builder.Property(h => h.Hash).HasMaxLength(32);
    }
}
