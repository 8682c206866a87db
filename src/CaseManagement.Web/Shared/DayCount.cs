namespace CaseManagement.Web.Shared;

/// <summary>Which text counts a number of days: "Days.Today", or the count's form (<see cref="CountForm"/>).</summary>
public static class DayCount
{
    public static (string Key, int Days) Key(int days) => days == 0 ? ("Days.Today", 0) : ($"Days.{CountForm.Of(days)}", days);
}
