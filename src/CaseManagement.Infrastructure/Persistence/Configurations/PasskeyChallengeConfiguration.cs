using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class PasskeyChallengeConfiguration : IEntityTypeConfiguration<PasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<PasskeyChallenge> builder)
    {
        builder.ToTable("PasskeyChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32).ValueGeneratedNever();
        builder.Property(c => c.Purpose).HasMaxLength(16);
        builder.Property(c => c.SecurityStamp).HasMaxLength(256);
        builder.Property(c => c.State).HasMaxLength(4096);
        builder.HasIndex(c => new { c.UserId, c.Purpose });
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
