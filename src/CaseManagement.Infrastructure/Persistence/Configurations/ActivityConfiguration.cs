using CaseManagement.Domain.Activities;
using CaseManagement.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class PreventionCampaignConfiguration : IEntityTypeConfiguration<PreventionCampaign>
{
    public void Configure(EntityTypeBuilder<PreventionCampaign> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The yearly figures sum campaigns by the period they overlap.
        builder.HasIndex(c => new { c.OrganisationId, c.StartsOn, c.EndsOn });
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.Total);
        builder.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.OrganisationId, s.Date });
    }
}

internal sealed class TrainingParticipantsConfiguration : IEntityTypeConfiguration<TrainingParticipants>
{
    public void Configure(EntityTypeBuilder<TrainingParticipants> builder)
    {
        builder.HasKey(p => new { p.SessionId, p.Category });
    }
}
