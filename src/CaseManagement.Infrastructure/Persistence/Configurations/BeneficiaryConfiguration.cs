using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>Only the statistical attributes are configured here: personal data is mapped to ciphertext by convention.</summary>
internal sealed class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // A bit set, kept numeric so that statistics can test each type with a bitwise AND.
        builder.Property(b => b.ExploitationTypes).HasConversion<int>();
        builder.Property(b => b.CountryOfExploitation).HasMaxLength(2);
        builder.HasIndex(b => new { b.OrganisationId, b.YearOfIdentification });
    }
}
