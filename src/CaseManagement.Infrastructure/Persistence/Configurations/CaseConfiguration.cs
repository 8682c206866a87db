using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(c => c.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Episodes).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Episodes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.OrganisationId, c.Status });
        builder.HasIndex(c => new { c.OrganisationId, c.AssignedWorkerId });
        builder.HasIndex(c => new { c.OrganisationId, c.LastActivityOn });
    }
}

internal sealed class ServiceEpisodeConfiguration : IEntityTypeConfiguration<ServiceEpisode>
{
    public void Configure(EntityTypeBuilder<ServiceEpisode> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        // Statistics count episodes overlapping a period by type.
        builder.HasIndex(e => new { e.OrganisationId, e.Type, e.StartDate, e.EndDate });
    }
}

internal sealed class CaseCounsellorConfiguration : IEntityTypeConfiguration<CaseCounsellor>
{
    public void Configure(EntityTypeBuilder<CaseCounsellor> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CaseId, c.UserId }).IsUnique();
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CaseId, n.Id });
    }
}
