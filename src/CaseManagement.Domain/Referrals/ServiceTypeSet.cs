using CaseManagement.Domain.Cases;

namespace CaseManagement.Domain.Referrals;

/// <summary>A set of service types kept as one bit mask, so that it is one clear column on every provider.</summary>
public static class ServiceTypeSet
{
    public static int ToMask(IEnumerable<ServiceType> types) => types.Aggregate(0, (mask, type) => mask | (1 << (int)type));

    public static IReadOnlyList<ServiceType> FromMask(int mask) =>
        [.. Enum.GetValues<ServiceType>().Where(t => (mask & (1 << (int)t)) != 0)];

    /// <summary>True when every type of <paramref name="wanted"/> is in <paramref name="granted"/>.</summary>
    public static bool Covers(int granted, int wanted) => (granted & wanted) == wanted;
}
