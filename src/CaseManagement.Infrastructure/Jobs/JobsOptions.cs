namespace CaseManagement.Infrastructure.Jobs;

/// <summary>Background jobs (configuration section "Jobs"): whether this process runs them, and when.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// False for a process with no background jobs at all: it neither runs nor schedules them, and
    /// serves no dashboard (a tool that only inspects the model; another process runs the jobs).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>False for a process that schedules jobs but only serves requests; another one (sharing the database) runs them.</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often the server looks for scheduled and recurring jobs that are due.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Cron expressions (UTC; a sixth, leading field counts seconds). Reminders run hourly: a missed hour costs nothing, reruns add nothing.</summary>
    public string HearingReminders { get; set; } = "10 * * * *";

    public string FollowUpReminders { get; set; } = "20 * * * *";

    public string CaseReviewReminders { get; set; } = "30 * * * *";

    /// <summary>Pending referrals past their answer period expire at the next run: within the hour.</summary>
    public string ReferralExpiry { get; set; } = "40 * * * *";

    /// <summary>Closed periods are frozen shortly after midnight, and late records found then make a revision.</summary>
    public string StatisticsFreeze { get; set; } = "15 0 * * *";

    /// <summary>People past their organisation's retention period are anonymised once a day, after the statistics freeze.</summary>
    public string Retention { get; set; } = "45 1 * * *";
}
