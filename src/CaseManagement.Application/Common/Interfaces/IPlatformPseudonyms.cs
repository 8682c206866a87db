using CaseManagement.Domain.Beneficiaries;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// A keyed pseudonym of a person that is the same in every organisation, so that the platform's
/// figures can count a person served by two organisations once. It never leaves the server: it is
/// stored only sealed, and compared only unsealed, in memory, by the statistics reader.
/// </summary>
public interface IPlatformPseudonyms
{
    /// <summary>The sealed pseudonym of the national id, else of name and date of birth; null when neither is there.</summary>
    byte[]? Seal(PersonalDetails details);

    /// <summary>The same pseudonym sealed again under a fresh nonce, for another record of the person; null when there is none or it does not open.</summary>
    byte[]? Reseal(byte[]? sealedPseudonym);
}
