using System.Globalization;
using System.Text.RegularExpressions;

namespace CaseManagement.Domain.Statistics;

/// <summary>
/// A calendar month ("2025-03"), quarter ("2025-Q1") or year ("2025"). Fixed periods are the first
/// defence against differencing: two overlapping ranges would reveal what lies between their ends.
/// </summary>
public readonly partial record struct StatisticsPeriod
{
    public const int FirstYear = Beneficiaries.Beneficiary.FirstYearOfIdentification;
    public const int LastYear = 9998;

    private StatisticsPeriod(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>The month (1–12) or quarter (1–4); 1 for a year.</summary>
    public int Number { get; }

    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>A period is closed once its last day is over.</summary>
    public bool IsClosedOn(DateOnly today) => End < today;

    public static StatisticsPeriod Month(int year, int month) => Checked(PeriodKind.Month, year, month, 12);

    public static StatisticsPeriod Quarter(int year, int quarter) => Checked(PeriodKind.Quarter, year, quarter, 4);

    public static StatisticsPeriod OfYear(int year) => Checked(PeriodKind.Year, year, 1, 1);

    /// <summary>The period of the given kind that contains <paramref name="day"/>.</summary>
    public static StatisticsPeriod Containing(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Month => Month(day.Year, day.Month),
        PeriodKind.Quarter => Quarter(day.Year, ((day.Month - 1) / 3) + 1),
        _ => OfYear(day.Year),
    };

    /// <summary>The period of the same kind just before this one.</summary>
    public StatisticsPeriod Previous() => Containing(Kind, Start.AddDays(-1));

    public static bool TryParse(string? text, out StatisticsPeriod period)
    {
        period = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear)
        {
            return false;
        }

        if (match.Groups["quarter"].Success)
        {
            period = new StatisticsPeriod(PeriodKind.Quarter, year, match.Groups["quarter"].Value[0] - '0');
        }
        else if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = new StatisticsPeriod(PeriodKind.Month, year, month);
        }
        else
        {
            period = new StatisticsPeriod(PeriodKind.Year, year, 1);
        }

        return true;
    }

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    private static StatisticsPeriod Checked(PeriodKind kind, int year, int number, int max) =>
        year is >= FirstYear and <= LastYear && number >= 1 && number <= max
            ? new StatisticsPeriod(kind, year, number)
            : throw new ArgumentOutOfRangeException(nameof(number), "No such statistics period.");

    [GeneratedRegex(@"\A(?<year>[0-9]{4})(?:-Q(?<quarter>[1-4])|-(?<month>[0-9]{2}))?\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
