using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Marketplace.Bench.Scoring -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Marketplace.Bench.Scoring.ScoringBenchmarks).Assembly).Run(args);
