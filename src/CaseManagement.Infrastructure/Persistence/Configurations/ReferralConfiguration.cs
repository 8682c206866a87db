using CaseManagement.Domain.Organisations;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>
/// The shared workflow row. It links two organisations' records by id only, so it has no foreign
/// key to either side's cases or people: each side's rows stay its own.
/// </summary>
internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.SenderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Shared).HasConversion<int>();
        builder.Ignore(r => r.Services);
        builder.HasMany(r => r.Updates).WithOne().HasForeignKey(u => u.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.SenderOrganisationId, r.Status });
        builder.HasIndex(r => new { r.RecipientOrganisationId, r.Status });
        builder.HasIndex(r => r.SenderCaseId);
        builder.HasIndex(r => r.RecipientCaseId);
        builder.HasIndex(r => r.ConsentId);
    }
}

internal sealed class ReferralUpdateConfiguration : IEntityTypeConfiguration<ReferralUpdate>
{
    public void Configure(EntityTypeBuilder<ReferralUpdate> builder)
    {
        builder.Property(u => u.Id).ValueGeneratedNever();
    }
}

internal sealed class SentReferralConfiguration : IEntityTypeConfiguration<SentReferral>
{
    public void Configure(EntityTypeBuilder<SentReferral> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Referral>().WithOne().HasForeignKey<SentReferral>(s => s.Id).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(SentReferral.MaxIdempotencyKeyLength);
        // Two retries racing with one key: the database lets one referral through.
        builder.HasIndex(s => new { s.OrganisationId, s.CreatedBy, s.IdempotencyKey }).IsUnique();
    }
}

internal sealed class ReferralShareConfiguration : IEntityTypeConfiguration<ReferralShare>
{
    public void Configure(EntityTypeBuilder<ReferralShare> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Referral>().WithOne().HasForeignKey<ReferralShare>(s => s.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
