using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CaseManagement.Infrastructure.Crypto;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Issue 12 item 5: a lookup by national id in one organisation of 10,000 and of 1,000,000
/// beneficiaries, at the blind-index table's level. Each row holds real ciphertexts (national id,
/// full name, date of birth, phone, sealed by the field encryptor under the row's associated data)
/// and two index columns: the bits the sizing rule gives for that many rows, and a fixed 8 bits
/// for contrast, each with a database index on (OrganisationId, index). A lookup reads every
/// candidate and decrypts all four fields, as materialising an entity does, then compares exactly.
/// The SQLite files are seeded once, in the temporary directory, and kept for later runs.
/// Goal: at 1M, at most 1.5× the 10k time under the rule.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class BlindIndexLookupBenchmarks
{
    private static readonly string[] Fields = ["NationalId", "FullName", "DateOfBirth", "Phone"];
    private static readonly Guid Organisation = new("0195a000-0000-7000-8000-000000000001");

    private SqliteConnection _connection = null!;
    private SqliteCommand _lookup = null!;
    private KeyRing _keys = null!;
    private FieldEncryptor _encryptor = null!;
    private BlindIndexer _indexer = null!;
    private int _next;
    private int _candidates;

    [Params(10_000, 1_000_000)]
    public int Rows { get; set; }

    /// <summary>Rule: the bits <see cref="BlindIndexSizing"/> gives for <see cref="Rows"/>; Fixed8: the former 8 bits everywhere.</summary>
    [Params("Rule", "Fixed8")]
    public string Bits { get; set; } = "Rule";

    /// <summary>SQLite's page cache: its default (2 MB), or 512 MB with the file memory-mapped, so that a 300 MB table stays in memory as a database server's would.</summary>
    [Params("Default", "Large")]
    public string Cache { get; set; } = "Default";

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"casemgmt-bench-blind-index-{Rows}.db");
        var store = new MemoryKeyStore();
        var master = new ConfiguredMasterKeyProvider(Convert.ToBase64String(new byte[32])); // fixed: the seeded file outlives the process
        _keys = new KeyRing(master, store, Options.Create(new EncryptionOptions()), TimeProvider.System);
        _encryptor = new FieldEncryptor(_keys);
        var ruleIndexer = Indexer(new EncryptionOptions { BlindIndex = { ExpectedRows = Rows } });
        var fixedIndexer = Indexer(new EncryptionOptions { BlindIndexBits = 8 });
        _indexer = Bits == "Rule" ? ruleIndexer : fixedIndexer;

        _connection = new SqliteConnection($"Data Source={path}");
        _connection.Open();
        if (!IsSeeded())
        {
            _connection.Close();
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            _connection.Open();
            Seed(store, ruleIndexer, fixedIndexer);
        }
        else
        {
            using var read = new SqliteCommand("SELECT WrappedKey, MasterKeyId FROM Keys", _connection);
            using var reader = read.ExecuteReader();
            reader.Read();
            store.AddAsync(new OrganisationKey
            {
                Id = Guid.CreateVersion7(), OrganisationId = Organisation, Version = 1, WrappedKey = (byte[])reader[0], MasterKeyId = reader.GetString(1),
            }, CancellationToken.None).GetAwaiter().GetResult();
        }

        if (Cache == "Large")
        {
            Execute("PRAGMA cache_size = -524288; PRAGMA mmap_size = 1073741824;");
        }

        var column = Bits == "Rule" ? "NationalIdIndex" : "NationalIdIndex8";
        _lookup = new SqliteCommand(
            $"SELECT Id, NationalIdCipher, FullNameCipher, DateOfBirthCipher, PhoneCipher FROM People WHERE OrganisationId = $o AND {column} = $h", _connection);
        _lookup.Parameters.Add("$o", SqliteType.Blob).Value = Organisation.ToByteArray();
        _lookup.Parameters.Add("$h", SqliteType.Integer);
        _lookup.Prepare();
        Console.WriteLine($"// {Rows} rows, {Bits}: {_indexer.Bits[("Beneficiary", "NationalId")]} bits, {Lookup()} match, {_candidates} candidates per lookup");

        BlindIndexer Indexer(EncryptionOptions options) => new(_keys, Options.Create(options));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _lookup.Dispose();
        _connection.Dispose();
        _keys.Dispose();
    }

    /// <summary>Finds one person by national id: index in the database, then decrypt and compare every candidate.</summary>
    [Benchmark]
    public int Lookup()
    {
        // A different person each time, spread over the whole table.
        var person = (int)((uint)(_next++ * 7_919) % (uint)Rows);
        var wanted = NationalId(person);
        _lookup.Parameters[1].Value = _indexer.Compute(Organisation, "Beneficiary", "NationalId", wanted);
        var found = 0;
        var candidates = 0;
        using var reader = _lookup.ExecuteReader();
        while (reader.Read())
        {
            candidates++;
            var id = new Guid((byte[])reader[0]);
            string? nationalId = null;
            for (var f = 0; f < Fields.Length; f++)
            {
                var plain = _encryptor.Decrypt(new FieldContext(Organisation, "Beneficiary", Fields[f], id), (byte[])reader[f + 1]);
                if (f == 0)
                {
                    nationalId = Encoding.UTF8.GetString(plain);
                }
            }

            found += nationalId == wanted ? 1 : 0;
        }

        _candidates = candidates;
        return found;
    }

    private static string NationalId(int person) => (2_900_000_000_000L + person * 13L).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private bool IsSeeded()
    {
        using var check = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE name = 'Seeded'", _connection);
        return (long)check.ExecuteScalar()! == 1;
    }

    private void Seed(MemoryKeyStore store, BlindIndexer rule, BlindIndexer eight)
    {
        var key = _keys.CreateKey(Organisation, 1);
        store.AddAsync(key, CancellationToken.None).GetAwaiter().GetResult();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        Execute("""
            CREATE TABLE Keys (WrappedKey BLOB NOT NULL, MasterKeyId TEXT NOT NULL);
            CREATE TABLE People (Id BLOB PRIMARY KEY, OrganisationId BLOB NOT NULL, NationalIdCipher BLOB, FullNameCipher BLOB,
                DateOfBirthCipher BLOB, PhoneCipher BLOB, NationalIdIndex INTEGER, NationalIdIndex8 INTEGER) WITHOUT ROWID;
            """);
        using (var keyInsert = new SqliteCommand("INSERT INTO Keys VALUES ($k, $m)", _connection))
        {
            keyInsert.Parameters.AddWithValue("$k", key.WrappedKey);
            keyInsert.Parameters.AddWithValue("$m", key.MasterKeyId);
            keyInsert.ExecuteNonQuery();
        }

        using var transaction = _connection.BeginTransaction();
        using var insert = new SqliteCommand("INSERT INTO People VALUES ($id, $o, $n, $f, $d, $p, $i, $i8)", _connection, transaction);
        foreach (var name in new[] { "$id", "$o", "$n", "$f", "$d", "$p", "$i", "$i8" })
        {
            insert.Parameters.Add(name, name is "$i" or "$i8" ? SqliteType.Integer : SqliteType.Blob);
        }

        insert.Parameters["$o"].Value = Organisation.ToByteArray();
        var random = new Random(12);
        for (var person = 0; person < Rows; person++)
        {
            var id = Guid.CreateVersion7();
            var nationalId = NationalId(person);
            string[] values = [nationalId, $"Person {person} Popescu", $"19{random.Next(40, 99)}-0{random.Next(1, 9)}-1{random.Next(0, 9)}", $"+40 7{random.Next(10_000_000, 99_999_999)}"];
            insert.Parameters["$id"].Value = id.ToByteArray();
            for (var f = 0; f < Fields.Length; f++)
            {
                insert.Parameters[2 + f].Value = _encryptor.Encrypt(new FieldContext(Organisation, "Beneficiary", Fields[f], id), Encoding.UTF8.GetBytes(values[f]));
            }

            insert.Parameters["$i"].Value = rule.Compute(Organisation, "Beneficiary", "NationalId", nationalId);
            insert.Parameters["$i8"].Value = eight.Compute(Organisation, "Beneficiary", "NationalId", nationalId);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        Execute("""
            CREATE INDEX IX_People_Rule ON People (OrganisationId, NationalIdIndex);
            CREATE INDEX IX_People_8 ON People (OrganisationId, NationalIdIndex8);
            ANALYZE;
            CREATE TABLE Seeded (At TEXT);
            """);
    }

    private void Execute(string sql)
    {
        using var command = new SqliteCommand(sql, _connection);
        command.ExecuteNonQuery();
    }
}
