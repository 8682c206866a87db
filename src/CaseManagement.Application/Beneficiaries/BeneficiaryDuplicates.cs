using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Beneficiaries;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Beneficiaries;

/// <summary>
/// Finds people already on file who match on national id, or on name (full name or an alias) and date of birth.
/// Blind indexes narrow the rows in the database; the decrypted values are then compared exactly.
/// </summary>
internal static class BeneficiaryDuplicates
{
    public static async Task<List<Beneficiary>> FindAsync(
        IApplicationDbContext db, IBlindIndexSearch index, string? nationalId, string? fullName, DateOnly? dateOfBirth,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, Beneficiary>();
        if (!string.IsNullOrWhiteSpace(nationalId))
        {
            var wanted = BeneficiaryMatching.NormaliseNationalId(nationalId);
            var candidates = await index.WhereMayEqual(db.Beneficiaries.AsNoTracking(), nameof(Beneficiary.NationalId), nationalId)
                .ToListAsync(cancellationToken);
            foreach (var b in candidates.Where(b => b.NationalId is { } id && BeneficiaryMatching.NormaliseNationalId(id) == wanted))
            {
                found.TryAdd(b.Id, b);
            }
        }

        if (!string.IsNullOrWhiteSpace(fullName))
        {
            var wanted = BeneficiaryMatching.NormaliseName(fullName);
            var query = index.WhereNameMayEqual(db.Beneficiaries.AsNoTracking(), fullName);
            if (dateOfBirth is { } dob)
            {
                query = index.WhereMayEqual(query, nameof(Beneficiary.DateOfBirth), dob);
            }

            var candidates = await query.ToListAsync(cancellationToken);
            foreach (var b in candidates.Where(b =>
                         (BeneficiaryMatching.NormaliseName(b.FullName) == wanted || b.Aliases.Any(a => BeneficiaryMatching.NormaliseName(a) == wanted))
                         && (dateOfBirth is null || b.DateOfBirth == dateOfBirth)))
            {
                found.TryAdd(b.Id, b);
            }
        }
        else if (dateOfBirth is { } dob)
        {
            var candidates = await index.WhereMayEqual(db.Beneficiaries.AsNoTracking(), nameof(Beneficiary.DateOfBirth), dob)
                .ToListAsync(cancellationToken);
            foreach (var b in candidates.Where(b => b.DateOfBirth == dob))
            {
                found.TryAdd(b.Id, b);
            }
        }

        return [.. found.Values.OrderBy(b => b.Id)];
    }
}
