using Hangfire;
using Hangfire.Storage;

namespace CaseManagement.Api.Tests.Jobs;

/// <summary>
/// Two API processes on one PostgreSQL database, both running Hangfire servers on its PostgreSQL
/// storage: a recurring job runs once per schedule, not once per replica.
/// </summary>
public sealed class ReplicatedJobsTests(ReplicatedJobsFixture fixture) : IClassFixture<ReplicatedJobsFixture>
{
    [Fact]
    public async Task Two_replicas_run_each_occurrence_of_a_recurring_job_once()
    {
        fixture.SkipIfUnavailable();
        await using var replica = fixture.Host.WithWebHostBuilder(_ => { });
        _ = replica.Server; // starts the second host, with its own Hangfire server

        var storage = fixture.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(40);
        List<string> occurrences = [];
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            occurrences = Occurrences(storage, monitoring);
            if (occurrences.Distinct().Count() >= 4 && monitoring.Servers().Count >= 2)
            {
                break;
            }
        }

        Assert.True(monitoring.Servers().Count >= 2, $"{monitoring.Servers().Count} Hangfire servers share the storage");
        Assert.True(occurrences.Distinct().Count() >= 4, $"{occurrences.Count} runs of the reminder job");
        var twice = occurrences.GroupBy(o => o).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "run more than once: " + string.Join(", ", twice));
    }

    /// <summary>The scheduled time of every run of the case-review job, succeeded or still going.</summary>
    private static List<string> Occurrences(JobStorage storage, IMonitoringApi monitoring)
    {
        using var connection = storage.GetConnection();
        var ids = monitoring.SucceededJobs(0, 1000).Select(j => j.Key)
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key))
            .Concat(monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Key));
        return [.. ids
            .Where(id => connection.GetJobParameter(id, "RecurringJobId")?.Contains("case-review-reminders", StringComparison.Ordinal) == true)
            .Select(id => connection.GetJobParameter(id, "Time"))];
    }
}
