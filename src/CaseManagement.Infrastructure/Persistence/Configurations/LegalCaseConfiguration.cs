using CaseManagement.Application.LegalCases;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.LegalCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class LegalCaseConfiguration : IEntityTypeConfiguration<LegalCase>
{
    public void Configure(EntityTypeBuilder<LegalCase> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(l => l.ServiceEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.ProtectiveMeasures);
        builder.Property<int>("_protectiveMeasures").HasColumnName(nameof(LegalCase.ProtectiveMeasures));
        builder.Property(l => l.OffenceCategory).HasMaxLength(LegalCaseOptions.MaxCodeLength);
        builder.Property(l => l.Currency).HasMaxLength(3);
        builder.Property(l => l.AmountClaimed).HasPrecision(18, 2);
        builder.Property(l => l.AmountAwarded).HasPrecision(18, 2);
        builder.Property(l => l.AmountPaid).HasPrecision(18, 2);
        builder.HasMany(l => l.StageChanges).WithOne().HasForeignKey(c => c.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.StageChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(l => new { l.OrganisationId, l.AssignedLawyerId });
        builder.HasIndex(l => new { l.OrganisationId, l.CaseId });
    }
}

internal sealed class LegalStageChangeConfiguration : IEntityTypeConfiguration<LegalStageChange>
{
    public void Configure(EntityTypeBuilder<LegalStageChange> builder) => builder.Property(c => c.Id).ValueGeneratedNever();
}

internal sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasOne<LegalCase>().WithMany().HasForeignKey(h => h.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
        // The hearing reminder job scans each organisation's hearings by time.
        builder.HasIndex(h => new { h.OrganisationId, h.ScheduledAt });
        builder.HasIndex(h => new { h.LegalCaseId, h.ScheduledAt });
    }
}

internal sealed class PrivilegedNoteConfiguration : IEntityTypeConfiguration<PrivilegedNote>
{
    public void Configure(EntityTypeBuilder<PrivilegedNote> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<LegalCase>().WithMany().HasForeignKey(n => n.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.LegalCaseId, n.Id });
    }
}
