using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class AliasIndexEntryConfiguration : IEntityTypeConfiguration<AliasIndexEntry>
{
    public void Configure(EntityTypeBuilder<AliasIndexEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(a => a.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OrganisationId, a.Value });
        builder.HasIndex(a => a.BeneficiaryId);
    }
}
