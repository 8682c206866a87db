using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Facilities;
using CaseManagement.Domain.Organisations;
using CaseManagement.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdmissionConfiguration : IEntityTypeConfiguration<Admission>
{
    public void Configure(EntityTypeBuilder<Admission> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany(e => e.Admissions).HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Facility>().WithMany().HasForeignKey(a => a.FacilityId).OnDelete(DeleteBehavior.Restrict);
        // Occupancy counts a facility's stays without a discharge.
        builder.HasIndex(a => new { a.FacilityId, a.DischargedOn });
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.EpisodeId, a.Date, a.Activity }).IsUnique();
    }
}

internal sealed class RepatriationConfiguration : IEntityTypeConfiguration<Repatriation>
{
    public void Configure(EntityTypeBuilder<Repatriation> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FromCountry).HasMaxLength(2);
        builder.Property(r => r.ToCountry).HasMaxLength(2);
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(r => r.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.EpisodeId).IsUnique();
        builder.HasMany(r => r.History).WithOne().HasForeignKey(h => h.RepatriationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RepatriationStatusChangeConfiguration : IEntityTypeConfiguration<RepatriationStatusChange>
{
    public void Configure(EntityTypeBuilder<RepatriationStatusChange> builder)
    {
        builder.ToTable("RepatriationStatusChanges");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => new { h.RepatriationId, h.Status }).IsUnique();
    }
}
