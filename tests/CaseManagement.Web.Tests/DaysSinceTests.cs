using System.Globalization;
using Bunit;
using CaseManagement.Web;
using CaseManagement.Web.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Web.Tests;

/// <summary>A number of days in words, with Romanian's "de" from 20 on (unless the number ends in 01 to 19).</summary>
public sealed class DaysSinceTests : IDisposable
{
    private static readonly DateOnly Today = new(2031, 3, 15); // any day: only differences count
    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public DaysSinceTests() => _context.Services.AddLocalization();

    [Theory]
    [InlineData(0, "astăzi")]
    [InlineData(1, "acum 1 zi")]
    [InlineData(2, "acum 2 zile")]
    [InlineData(19, "acum 19 zile")]
    [InlineData(20, "acum 20 de zile")]
    [InlineData(100, "acum 100 de zile")]
    [InlineData(101, "acum 101 zile")]
    [InlineData(119, "acum 119 zile")]
    [InlineData(120, "acum 120 de zile")]
    [InlineData(1001, "acum 1.001 zile")]
    public void Romanian_counts_days_with_its_own_plural(int days, string expected) =>
        Assert.Equal(expected, Render(WebCultures.Romanian, days));

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "1 day ago")]
    [InlineData(20, "20 days ago")]
    [InlineData(1001, "1,001 days ago")]
    public void English_counts_days(int days, string expected) =>
        Assert.Equal(expected, Render(WebCultures.English, days));

    [Fact]
    public void The_element_carries_the_date_for_machines_and_in_the_culture_for_people()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = WebCultures.Romanian;
        var time = _context.Render<DaysSince>(p => p.Add(x => x.Date, Today.AddDays(-3)).Add(x => x.Today, Today)).Find("time");
        Assert.Equal("2031-03-12", time.GetAttribute("datetime"));
        Assert.Equal("12.03.2031", time.GetAttribute("title"));
    }

    [Theory]
    [InlineData(0, "Days.Today")]
    [InlineData(1, "Days.One")]
    [InlineData(-1, "Days.One")]
    [InlineData(21, "Days.Many")]
    [InlineData(-21, "Days.Many")]
    [InlineData(210, "Days.Few")]
    [InlineData(220, "Days.Many")]
    [InlineData(211, "Days.Few")]
    public void The_text_is_chosen_by_the_number(int days, string key) => Assert.Equal(key, DayCount.Key(days).Key);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        _context.Dispose();
    }

    private string Render(CultureInfo culture, int days)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        return _context.Render<DaysSince>(p => p.Add(x => x.Date, Today.AddDays(-days)).Add(x => x.Today, Today)).Find("time").TextContent;
    }
}
