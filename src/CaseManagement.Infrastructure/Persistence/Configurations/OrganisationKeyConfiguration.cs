using CaseManagement.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationKeyConfiguration : IEntityTypeConfiguration<OrganisationKey>
{
    public void Configure(EntityTypeBuilder<OrganisationKey> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.MasterKeyId).HasMaxLength(16);
        builder.Property(k => k.WrappedKey).HasMaxLength(60);
        // No foreign key: keys are looked up by organisation only, and a key must outlive nothing it protects.
        builder.HasIndex(k => new { k.OrganisationId, k.Version }).IsUnique();
    }
}
