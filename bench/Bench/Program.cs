using Bench;

// dotnet run --project bench/Bench -c Release -- <mode> [options]; see bench/README.md.
return args.FirstOrDefault() switch
{
    "dashboard" => await DashboardBench.RunAsync(args[1..]),
    "events" => await EventBench.RunAsync(args[1..]),
    "retention" => await RetentionBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench dashboard --requests N --tenants N | events --portal URL --installs N ... | retention --data DIR [--prepare]");
    return 2;
}
