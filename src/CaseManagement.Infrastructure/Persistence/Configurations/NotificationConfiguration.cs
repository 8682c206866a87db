using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Key).HasMaxLength(Notification.KeyMaxLength);
        // The database refuses a second copy of a reminder, even from two servers racing.
        builder.HasIndex(n => new { n.RecipientId, n.Key }).IsUnique();
        builder.HasIndex(n => new { n.OrganisationId, n.RecipientId, n.ReadAt });
    }
}
