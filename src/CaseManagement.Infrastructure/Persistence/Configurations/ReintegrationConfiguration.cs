using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

// Details cascade from their episode only: a second cascade path from the case is refused by SQL Server.

internal sealed class ReintegrationGoalConfiguration : IEntityTypeConfiguration<ReintegrationGoal>
{
    public void Configure(EntityTypeBuilder<ReintegrationGoal> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(g => g.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.EpisodeId, g.Id });
    }
}

internal sealed class LabourStepConfiguration : IEntityTypeConfiguration<LabourStep>
{
    public void Configure(EntityTypeBuilder<LabourStep> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.EpisodeId, s.Date });
        // Statistics count placements and their outcomes by kind.
        builder.HasIndex(s => new { s.OrganisationId, s.Kind, s.Date });
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(f => f.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.EpisodeId, f.DueOn });
        // The reminder job scans follow-ups due and not done, one organisation at a time.
        builder.HasIndex(f => new { f.OrganisationId, f.DueOn, f.DoneOn });
    }
}
