using CaseManagement.Web.Forms;
using CaseManagement.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CaseManagement.Web.Tests;

/// <summary>The values a legal case's forms post: a hearing's day and hour in Romania, and sums of money.</summary>
public sealed class FormValuesTests
{
    [Theory]
    [InlineData("2026-11-20T09:00", "2026-11-20T07:00:00Z")] // winter: UTC+2
    [InlineData("2026-07-01T09:30", "2026-07-01T06:30:00Z")] // summer: UTC+3
    [InlineData("2026-10-25T03:30", "2026-10-25T01:30:00Z")] // the hour the autumn change repeats: the winter one
    [InlineData("2026-07-01T09:30:00", "2026-07-01T06:30:00Z")]
    public void A_hearing_time_is_read_in_Romanias_time(string posted, string instant)
    {
        var (values, errors) = Form(posted);
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), values.CourtTime("At"));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("2026-03-29T03:30")] // skipped when the clocks go forward
    [InlineData("2026-11-20 09:00")]
    [InlineData("20.11.2026 09:00")]
    [InlineData("2026-11-20T09:00+02:00")]
    [InlineData("mâine")]
    public void A_hearing_time_that_is_no_hour_in_Romania_is_the_fields_error(string posted)
    {
        var (values, errors) = Form(posted);
        Assert.Null(values.CourtTime("At"));
        Assert.Equal(["Form.BadDateTime"], errors.For("At"));
    }

    [Theory]
    [InlineData("20000", "20000")]
    [InlineData("20000,5", "20000.5")]
    [InlineData("20000.50", "20000.50")]
    [InlineData("0", "0")]
    public void An_amount_is_digits_with_at_most_two_decimals(string posted, string amount)
    {
        var (values, errors) = Form(posted);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), values.Amount("At"));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("20.000")] // a thousands separator, which would otherwise be read as 20
    [InlineData("20 000")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("12,345")]
    [InlineData("٣")]
    public void Anything_else_is_not_an_amount(string posted)
    {
        var (values, errors) = Form(posted);
        Assert.Null(values.Amount("At"));
        Assert.Equal(["Form.BadAmount"], errors.For("At"));
    }

    private static (FormValues Values, FormErrors Errors) Form(string value)
    {
        var errors = new FormErrors();
        var form = new FormCollection(new Dictionary<string, StringValues> { ["At"] = value });
        return (new FormValues(form, errors, new KeyNames()), errors);
    }

    /// <summary>Each text is its key: the tests check which error, not its wording.</summary>
    private sealed class KeyNames : IStringLocalizer<Text>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
