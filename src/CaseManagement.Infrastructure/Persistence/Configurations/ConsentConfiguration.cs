using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(c => c.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.DataItems).HasConversion<int>();
        builder.Ignore(c => c.Terms);
        // Two changes made from the same version: the database keeps one.
        builder.HasIndex(c => new { c.ConsentId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.BeneficiaryId, c.IsCurrent });
    }
}
