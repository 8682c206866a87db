using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class CounsellingDetailsConfiguration : IEntityTypeConfiguration<CounsellingDetails>
{
    public void Configure(EntityTypeBuilder<CounsellingDetails> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(d => d.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.EpisodeId).IsUnique();
    }
}

internal sealed class CounsellingSessionConfiguration : IEntityTypeConfiguration<CounsellingSession>
{
    public void Configure(EntityTypeBuilder<CounsellingSession> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<ServiceEpisode>().WithMany().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        // The note goes with the case (which cascades to both); no second cascade path here.
        builder.HasOne<CaseNote>().WithMany().HasForeignKey(s => s.NoteId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => new { s.EpisodeId, s.Date });
    }
}
