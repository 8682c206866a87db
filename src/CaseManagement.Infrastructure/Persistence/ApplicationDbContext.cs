using System.Linq.Expressions;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Activities;
using CaseManagement.Domain.Auditing;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Common;
using CaseManagement.Domain.Consents;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Notifications;
using CaseManagement.Domain.LegalCases;
using CaseManagement.Domain.Facilities;
using CaseManagement.Domain.Organisations;
using CaseManagement.Domain.Services;
using CaseManagement.Domain.Statistics;
using CaseManagement.Infrastructure.Auditing;
using CaseManagement.Infrastructure.Crypto;
using CaseManagement.Infrastructure.Persistence.PersonalData;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.Invitations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The application's database: case data, staff identities, OpenID Connect stores and the shared
/// Data Protection keys, so that one database holds everything a replica needs.
/// </summary>
public sealed class ApplicationDbContext
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>, IApplicationDbContext, IUnitOfWork, IDataProtectionKeyContext
{
    private readonly ICurrentUser _currentUser;
    private readonly PersonalDataEncryptor _personalData;
    private readonly AliasIndexes _aliasIndexes;
    private readonly TimeProvider _clock;
    private readonly Dictionary<Guid, IDisposable?> _auditChainsEntered = [];

    public ApplicationDbContext(
        DbContextOptions<ApplicationDbContext> options, ICurrentUser currentUser, PersonalDataEncryptor personalData, AliasIndexes aliasIndexes, TimeProvider clock)
        : base(options)
    {
        _currentUser = currentUser;
        _personalData = personalData;
        _aliasIndexes = aliasIndexes;
        _clock = clock;
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<ServiceEpisode> ServiceEpisodes => Set<ServiceEpisode>();

    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    public DbSet<CaseCounsellor> CaseCounsellors => Set<CaseCounsellor>();

    public DbSet<ReintegrationGoal> ReintegrationGoals => Set<ReintegrationGoal>();

    public DbSet<LabourStep> LabourSteps => Set<LabourStep>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<CounsellingDetails> CounsellingDetails => Set<CounsellingDetails>();

    public DbSet<CounsellingSession> CounsellingSessions => Set<CounsellingSession>();
    public DbSet<LegalCase> LegalCases => Set<LegalCase>();

    public DbSet<LegalStageChange> LegalStageChanges => Set<LegalStageChange>();

    public DbSet<Hearing> Hearings => Set<Hearing>();

    public DbSet<PrivilegedNote> PrivilegedNotes => Set<PrivilegedNote>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<Admission> Admissions => Set<Admission>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<Repatriation> Repatriations => Set<Repatriation>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralUpdate> ReferralUpdates => Set<ReferralUpdate>();

    public DbSet<SentReferral> SentReferrals => Set<SentReferral>();

    public DbSet<ReferralShare> ReferralShares => Set<ReferralShare>();

    public DbSet<PreventionCampaign> PreventionCampaigns => Set<PreventionCampaign>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<StatisticsRelease> StatisticsReleases => Set<StatisticsRelease>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<OrganisationKey> OrganisationKeys => Set<OrganisationKey>();

    public DbSet<AliasIndexEntry> AliasIndexEntries => Set<AliasIndexEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    /// <summary>Read by the tenant query filters on every query; no organisation means no rows.</summary>
    private Guid CurrentOrganisationId => _currentUser.OrganisationId ?? Guid.Empty;

    public void ExpectVersion<TEntity>(TEntity entity, int expectedVersion)
        where TEntity : class, IVersioned
    {
        if (entity.Version != expectedVersion)
        {
            throw ConflictException.StaleVersion();
        }
    }

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        await Database.BeginTransactionAsync(cancellationToken);

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ConflictException.StaleVersion();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(cancellationToken);
            if (Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
            }
        }
        finally
        {
            LeaveAuditChains();
        }
    }

    public async Task DiscardAsync()
    {
        try
        {
            ChangeTracker.Clear();
            if (Database.CurrentTransaction is { } transaction)
            {
                try
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }
                finally
                {
                    // Disposed even if the rollback failed, so that no lock outlives the command (SQLite holds one per writer).
                    await transaction.DisposeAsync();
                }
            }
        }
        finally
        {
            LeaveAuditChains();
        }
    }

    /// <summary>
    /// Enters the chain's in-process gate for the rest of this transaction (once per chain). A transaction appends to
    /// its chains in ascending order (<c>DeferredAuditEntries</c> sorts them, the platform chain first), as the head
    /// rows lock in that order; out of order, two commands could wait on each other's gates, which no database would
    /// see, so it is refused as the programming error it is.
    /// </summary>
    internal async Task EnterAuditChainAsync(Guid chain, AuditChainGates gates, CancellationToken cancellationToken)
    {
        if (_auditChainsEntered.ContainsKey(chain))
        {
            return;
        }

        if (_auditChainsEntered.Count > 0 && chain.CompareTo(_auditChainsEntered.Keys.Max()) < 0)
        {
            throw new InvalidOperationException("A transaction appends to audit chains in ascending order of their ids.");
        }

        _auditChainsEntered[chain] = await gates.EnterAsync(chain, cancellationToken);
    }

    private void LeaveAuditChains()
    {
        foreach (var exit in _auditChainsEntered.Values)
        {
            exit?.Dispose();
        }

        _auditChainsEntered.Clear();
    }

    public override void Dispose()
    {
        try
        {
            base.Dispose(); // rolls back an open transaction first
        }
        finally
        {
            LeaveAuditChains(); // a scope that ends without commit or rollback leaves no gate behind
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            LeaveAuditChains();
        }
    }

    public Exception? AsConflict(Exception exception) => exception switch
    {
        // A save outside SaveAsync (an audit append flushes pending changes) may meet a concurrent write too.
        DbUpdateConcurrencyException => ConflictException.StaleVersion(),
        _ when UniqueViolations.IsUniqueViolation(exception) => new ConflictException("conflict.duplicate", "A record with the same key was just created; reload and try again."),
        _ => null,
    };

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSaveAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await PrepareSaveAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            var clrType = entityType.ClrType;
            if (typeof(IOrganisationOwned).IsAssignableFrom(clrType))
            {
                modelBuilder.Entity(clrType).HasQueryFilter(TenantFilter(clrType));
            }

            if (PersonalDataModel.For(clrType) is { } personal)
            {
                MapPersonalData(modelBuilder, clrType, personal);
            }

            if (typeof(IVersioned).IsAssignableFrom(clrType))
            {
                modelBuilder.Entity(clrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>Personal properties are never mapped: only their ciphertext and blind index are.</summary>
    private static void MapPersonalData(ModelBuilder modelBuilder, Type clrType, PersonalEntity personal)
    {
        var entity = modelBuilder.Entity(clrType);
        foreach (var property in personal.Properties)
        {
            entity.Ignore(property.Name);
            entity.Property<byte[]>(property.CipherProperty);
            if (property.IndexProperty is { } index)
            {
                entity.Property<int?>(index);
                entity.HasIndex(nameof(IOrganisationOwned.OrganisationId), index);
            }
        }

        entity.Property<int>(PersonalDataModel.KeyVersionProperty);
        entity.HasIndex(nameof(IOrganisationOwned.OrganisationId), PersonalDataModel.KeyVersionProperty);
    }

    private LambdaExpression TenantFilter(Type clrType)
    {
        var row = Expression.Parameter(clrType, "row");
        var organisation = Expression.Property(row, nameof(IOrganisationOwned.OrganisationId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganisationId));
        return Expression.Lambda(Expression.Equal(organisation, current), row);
    }

    private async Task PrepareSaveAsync(CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        if (_currentUser.UserId is not null && !_currentUser.IsSystem)
        {
            // Only people's work is activity: re-encryption, reminders and other jobs are not.
            await CaseActivity.RecordAsync(this, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), cancellationToken);
        }

        _personalData.EncryptPending(ChangeTracker);
        await _aliasIndexes.SyncAsync(this, cancellationToken);
    }
}
