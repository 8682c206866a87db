using System.Globalization;
using CaseManagement.Application.Statistics.Releases;

namespace CaseManagement.Web.Formats;

/// <summary>
/// A release flattened to (section, row, column, value) lines, the form both files are written from:
/// first what the release is and the rule applied, then the yearly table, then each breakdown.
/// </summary>
public static class ReleaseCells
{
    /// <summary>What a hidden cell shows in a file. The same for every hidden cell, so that it does not tell a small count from its protection.</summary>
    public const string Hidden = "x";

    public static IEnumerable<ReleaseLine> Of(ReleaseDocument release)
    {
        yield return new("Release", "Period", string.Empty, release.Period);
        yield return new("Release", "From", string.Empty, Date(release.PeriodStart));
        yield return new("Release", "To", string.Empty, Date(release.PeriodEnd));
        yield return new("Release", "Revision", string.Empty, release.Revision?.ToString(CultureInfo.InvariantCulture) ?? "provisional");
        yield return new("Release", "Threshold", string.Empty, release.Suppression.Threshold.ToString(CultureInfo.InvariantCulture));
        yield return new("Release", "Suppression", string.Empty, release.Suppression.Rule);
        foreach (var service in release.Annual.Services)
        {
            yield return new("Annual", service.Service.ToString(), "Beneficiaries", Value(service.Beneficiaries));
        }

        yield return new("Annual", "BeneficiariesAssisted", "Beneficiaries", Value(release.Annual.BeneficiariesAssisted));
        yield return new("Annual", "BeneficiariesAssistedDeduplicated", "Beneficiaries", Value(release.Annual.BeneficiariesAssistedDeduplicated));
        yield return new("Annual", "PeopleReachedByCampaigns", "People", Value(release.Annual.PeopleReachedByCampaigns));
        yield return new("Annual", "ProfessionalsTrained", "People", Value(release.Annual.ProfessionalsTrained));
        foreach (var trained in release.Annual.TrainedByCategory)
        {
            yield return new("Annual", "ProfessionalsTrained", trained.Category.ToString(), Value(trained.People));
        }

        foreach (var table in release.Tables)
        {
            foreach (var row in table.Rows.Append(table.Totals))
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    yield return new(table.Name, row.Label, table.Columns[i], Value(row.Cells[i]));
                }

                yield return new(table.Name, row.Label, "Total", Value(row.Total));
            }
        }
    }

    public static string Value(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Hidden;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
