using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CaseManagement.Benchmarks [-- --filter '*']
BenchmarkSwitcher.FromAssembly(typeof(FieldEncryptionBenchmarks).Assembly).Run(args);
