using System.Data;
using Npgsql;

// The floor of bench/load/run.sh: one parameterised SELECT by primary key over a pooled connection,
// the row returned as JSON. No authentication, audit or decryption: the API's throughput is reported
// as a ratio of this one, measured in the same run on the same database and machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Floor")
    ?? throw new InvalidOperationException("ConnectionStrings:Floor is not set.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));

var app = builder.Build();
app.MapGet("/floor/cases/{id:guid}", (Guid id, NpgsqlDataSource db, CancellationToken cancel) => RowAsync(db, """SELECT * FROM "Cases" WHERE "Id" = $1""", id, cancel));
app.MapGet("/floor/beneficiaries/{id:guid}", (Guid id, NpgsqlDataSource db, CancellationToken cancel) => RowAsync(db, """SELECT * FROM "Beneficiaries" WHERE "Id" = $1""", id, cancel));
app.MapGet("/floor/health", () => Results.Ok());
await app.RunAsync();

static async Task<IResult> RowAsync(NpgsqlDataSource db, string sql, Guid id, CancellationToken cancel)
{
    await using var command = db.CreateCommand(sql);
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancel);
    if (!await reader.ReadAsync(cancel))
    {
        return Results.NotFound();
    }

    // Column by column, as a mapper would; bytea (the encrypted fields) comes out as base64, not decrypted.
    var row = new Dictionary<string, object?>(reader.FieldCount);
    for (var i = 0; i < reader.FieldCount; i++)
    {
        row[reader.GetName(i)] = await reader.IsDBNullAsync(i, cancel) ? null : reader.GetValue(i);
    }

    return Results.Json(row);
}
