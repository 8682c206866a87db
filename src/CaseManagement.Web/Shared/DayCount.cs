namespace CaseManagement.Web.Shared;

/// <summary>
/// Which text counts a number of days. Romanian puts "de" between a number and its noun from 20
/// on, unless the number ends in 01 to 19 ("19 zile", "20 de zile", "101 zile", "120 de zile");
/// English needs one and many only, so its "Days.Many" repeats "Days.Few".
/// </summary>
public static class DayCount
{
    public static (string Key, int Days) Key(int days) => Math.Abs(days) switch
    {
        0 => ("Days.Today", 0),
        1 => ("Days.One", days),
        var n when n % 100 is >= 1 and <= 19 || n < 20 => ("Days.Few", days),
        _ => ("Days.Many", days),
    };
}
