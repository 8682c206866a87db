using CaseManagement.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class StatisticsReleaseConfiguration : IEntityTypeConfiguration<StatisticsRelease>
{
    public void Configure(EntityTypeBuilder<StatisticsRelease> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.Tables).HasMaxLength(400);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.SourceFingerprint).HasMaxLength(64);
        // One revision number per period: two concurrent freezes cannot both publish revision n.
        builder.HasIndex(r => new { r.Period, r.Revision }).IsUnique();
    }
}
