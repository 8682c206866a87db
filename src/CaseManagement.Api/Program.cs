using CaseManagement.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCaseManagement();

var app = builder.Build();
if (await MaintenanceCommands.TryRunAsync(app, args))
{
    return;
}

await app.PrepareAsync();
app.UseCaseManagement();
await app.RunAsync();

/// <summary>Entry point; public so that the integration tests can host it.</summary>
public partial class Program;
