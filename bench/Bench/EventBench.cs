namespace Bench;

internal static class EventBench
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
