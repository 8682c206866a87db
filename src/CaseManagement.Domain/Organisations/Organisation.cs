namespace CaseManagement.Domain.Organisations;

/// <summary>A member NGO of the platform; the tenant boundary.</summary>
public sealed class Organisation
{
    private Organisation()
    {
        Name = string.Empty;
    }

    public Organisation(Guid id, string name, DateTimeOffset createdAt)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("An organisation needs an id.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name.Trim();
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The NGO's public name; not personal data.</summary>
    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A disabled organisation's accounts no longer work; its data stays, encrypted, for retention rules to decide.</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>
    /// How many years after its last case closed a person's data is kept, then anonymised by the
    /// daily retention job; null while the organisation has not decided (nothing is anonymised).
    /// </summary>
    public int? RetentionYearsAfterClosure { get; private set; }

    public const int MaxRetentionYears = 100;

    public void SetRetention(int? yearsAfterClosure)
    {
        if (yearsAfterClosure is < 1 or > MaxRetentionYears)
        {
            throw new ArgumentOutOfRangeException(nameof(yearsAfterClosure), $"A retention period is 1 to {MaxRetentionYears} years.");
        }

        RetentionYearsAfterClosure = yearsAfterClosure;
    }

    public void Disable() => IsDisabled = true;

    /// <summary>Its accounts work again, except those disabled one by one; sessions from before the disable do not come back.</summary>
    public void Enable() => IsDisabled = false;
}
