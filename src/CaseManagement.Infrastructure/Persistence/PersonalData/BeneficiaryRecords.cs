using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Activities;
using CaseManagement.Domain.Auditing;
using CaseManagement.Domain.Beneficiaries;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Facilities;
using CaseManagement.Domain.LegalCases;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseManagement.Infrastructure.Persistence.PersonalData;

/// <summary>
/// Finds every row about one person by walking the model, not a hand-kept list: a new entity with a
/// <c>BeneficiaryId</c>, <c>CaseId</c> or <c>LegalCaseId</c> is exported and erased as it is. An entity
/// with personal data and none of these keys must be named below, or the first export or erasure fails.
/// </summary>
internal sealed class BeneficiaryRecords(ApplicationDbContext db) : IBeneficiaryRecords
{
    private static readonly string[] Keys = ["BeneficiaryId", "CaseId", "LegalCaseId"];

    /// <summary>Personal data that is not about one assisted person: staff's activities and the organisation's facilities.</summary>
    private static readonly HashSet<Type> NotAboutOnePerson = [typeof(Facility), typeof(PreventionCampaign), typeof(TrainingSession)];

    /// <summary>The receiver's sealed copy of a referral: not the sender's to read; erasure destroys its key instead.</summary>
    private static readonly HashSet<Type> NotExported = [typeof(ReferralShare), typeof(AliasIndexEntry)];

    /// <summary>Deleted, not blanked: a note is nothing but its text.</summary>
    private static readonly HashSet<Type> Deleted = [typeof(CaseNote), typeof(PrivilegedNote)];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<JsonObject> ExportAsync(Guid beneficiaryId, CancellationToken cancellationToken)
    {
        var export = new JsonObject();
        foreach (var (type, rows) in await LoadAsync(beneficiaryId, includeAudit: true, cancellationToken))
        {
            if (rows.Count > 0 && !NotExported.Contains(type.ClrType))
            {
                export[type.ClrType.Name] = new JsonArray([.. rows.Select(row => (JsonNode)Describe(type, row))]);
            }
        }

        return export;
    }

    public async Task EraseDependentsAsync(Guid beneficiaryId, CancellationToken cancellationToken)
    {
        foreach (var (type, rows) in await LoadAsync(beneficiaryId, includeAudit: false, cancellationToken))
        {
            if (type.ClrType == typeof(Beneficiary) || PersonalDataModel.For(type.ClrType) is not { } personal)
            {
                continue; // the person's own record is anonymised by the domain, which knows what stays
            }

            foreach (var row in rows)
            {
                if (Deleted.Contains(type.ClrType))
                {
                    db.Remove(row);
                    continue;
                }

                foreach (var property in personal.Properties)
                {
                    property.SetValue(row, property.Blank);
                }
            }
        }
    }

    private async Task<List<(IEntityType Type, IReadOnlyList<object> Rows)>> LoadAsync(Guid beneficiaryId, bool includeAudit, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Where(c => c.BeneficiaryId == beneficiaryId).Select(c => c.Id).ToListAsync(cancellationToken);
        var legalCases = await db.LegalCases.Where(l => cases.Contains(l.CaseId)).Select(l => l.Id).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.Where(r => cases.Contains(r.SenderCaseId) || (r.RecipientCaseId != null && cases.Contains(r.RecipientCaseId.Value)))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var ids = new Dictionary<string, List<Guid>> { ["BeneficiaryId"] = [beneficiaryId], ["CaseId"] = cases, ["LegalCaseId"] = legalCases };
        List<(IEntityType, IReadOnlyList<object>)> found = [];
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.ClrType.Namespace?.StartsWith("CaseManagement.", StringComparison.Ordinal) == true).OrderBy(t => t.ClrType.Name))
        {
            var (property, values) = type.ClrType switch
            {
                var t when t == typeof(Beneficiary) => ("Id", [beneficiaryId]),
                var t when t == typeof(Referral) || t == typeof(SentReferral) || t == typeof(ReferralShare) => ("Id", referrals),
                var t when t == typeof(ReferralUpdate) => ("ReferralId", referrals),
                var t when t == typeof(AuditEntry) => ("EntityId", includeAudit ? [beneficiaryId, .. cases, .. legalCases, .. referrals] : []),
                _ => Keys.Where(k => type.FindProperty(k) is not null).Select(k => (k, ids[k])).FirstOrDefault(),
            };
            if (property is null)
            {
                if (PersonalDataModel.For(type.ClrType) is not null && !NotAboutOnePerson.Contains(type.ClrType))
                {
                    throw new InvalidOperationException($"{type.ClrType.Name} holds personal data, but no key ties it to one person: give it one, or list it as not about one person.");
                }

                continue;
            }

            if (values.Count > 0)
            {
                found.Add((type, await RowsAsync(type, property, values, cancellationToken)));
            }
        }

        return found;
    }

    private async Task<IReadOnlyList<object>> RowsAsync(IEntityType type, string property, List<Guid> ids, CancellationToken cancellationToken)
    {
        var nullable = type.FindProperty(property)!.ClrType == typeof(Guid?);
        var query = (Task<List<object>>)typeof(BeneficiaryRecords).GetMethod(nullable ? nameof(NullableKeyRowsAsync) : nameof(KeyRowsAsync),
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType).Invoke(this, [property, ids, cancellationToken])!;
        return await query;
    }

    private async Task<List<object>> KeyRowsAsync<TEntity>(string property, List<Guid> ids, CancellationToken cancellationToken)
        where TEntity : class =>
        [.. await db.Set<TEntity>().Where(e => ids.Contains(EF.Property<Guid>(e, property))).ToListAsync(cancellationToken)];

    private async Task<List<object>> NullableKeyRowsAsync<TEntity>(string property, List<Guid> ids, CancellationToken cancellationToken)
        where TEntity : class
    {
        var keys = ids.Select(id => (Guid?)id).ToList();
        return [.. await db.Set<TEntity>().Where(e => keys.Contains(EF.Property<Guid?>(e, property))).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// A referral is read by two organisations, and each side's own ids stay with it (Referral.cs):
    /// the export shows what both sides see, the summary and the status.
    /// </summary>
    private static readonly HashSet<string> ReferralOtherSide =
        [nameof(Referral.SenderCaseId), nameof(Referral.ConsentId), nameof(Referral.RecipientBeneficiaryId), nameof(Referral.RecipientCaseId), nameof(Referral.RecipientBeneficiaryCreated)];

    /// <summary>
    /// Why a note's text stays out of the export: privileged notes are the lawyer's to disclose, restricted
    /// notes their author's and the case's counsellors'. The DPO learns that they exist, and asks them.
    /// </summary>
    private static string? Withheld(object row) => row switch
    {
        PrivilegedNote => "Legal privilege: the text is disclosed by the case's lawyer.",
        CaseNote { Sensitivity: NoteSensitivity.Restricted } => "Restricted note: the text is disclosed by its author or the case's counsellors.",
        _ => null,
    };

    /// <summary>A row as JSON: its mapped values and its personal fields opened; ciphertexts and hashes (byte arrays) left out.</summary>
    private static JsonObject Describe(IEntityType type, object row)
    {
        var described = new JsonObject();
        foreach (var property in type.GetProperties().Where(p => p.PropertyInfo is not null && p.ClrType != typeof(byte[])
            && !(row is Referral && ReferralOtherSide.Contains(p.Name))))
        {
            described[Name(property.Name)] = JsonSerializer.SerializeToNode(property.PropertyInfo!.GetValue(row), property.ClrType, Json);
        }

        foreach (var complex in type.GetComplexProperties().Where(p => p.PropertyInfo is not null))
        {
            described[Name(complex.Name)] = JsonSerializer.SerializeToNode(complex.PropertyInfo!.GetValue(row), complex.ClrType, Json);
        }

        if (Withheld(row) is { } reason)
        {
            described["withheld"] = reason;
            return described;
        }

        foreach (var personal in PersonalDataModel.For(type.ClrType)?.Properties ?? [])
        {
            described[Name(personal.Name)] = JsonSerializer.SerializeToNode(personal.GetValue(row), personal.ClrType, Json);
        }

        return described;
    }

    private static string Name(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
