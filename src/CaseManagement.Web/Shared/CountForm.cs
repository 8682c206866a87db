namespace CaseManagement.Web.Shared;

/// <summary>
/// Which of a count's three texts ("….One", "….Few", "….Many") a number takes. Romanian puts "de"
/// between a number and its noun from 20 on, unless the number ends in 01 to 19 ("19 zile",
/// "20 de zile", "101 zile", "120 de zile"); English needs one and many only, so its "….Many"
/// text repeats "….Few".
/// </summary>
public static class CountForm
{
    public const string One = nameof(One);
    public const string Few = nameof(Few);
    public const string Many = nameof(Many);

    public static string Of(long count) => Math.Abs(count) switch
    {
        1 => One,
        var n when n % 100 is >= 1 and <= 19 || n < 20 => Few,
        _ => Many,
    };
}
