namespace TalkdeskPortal.Backups;

/// <summary><c>restore --from FILE [--data DIR] [--force]</c>, after the word "restore".</summary>
public sealed record RestoreArguments(string From, string? DataDirectory, bool Force)
{
    public const string Usage = "usage: dotnet TalkdeskPortal.dll restore --from FILE [--data DIR] [--force]";

    public static RestoreArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? from = null, data = null;
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Count:
                    from = args[++i];
                    break;
                case "--data" when i + 1 < args.Count:
                    data = args[++i];
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    problem = $"restore: unexpected \"{args[i]}\"";
                    return null;
            }
        }
        problem = from is null ? "restore: --from FILE is required" : null;
        return from is null ? null : new RestoreArguments(from, data, force);
    }
}
