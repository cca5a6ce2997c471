using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Lifecycle;

/// <summary>The <c>Jobs</c> section: the in-process Hangfire server.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    // False keeps intake running but processes nothing (a second instance, or a test of recovery).
    public bool RunServer { get; set; } = true;

    [Range(1, 200)]
    public int WorkerCount { get; set; } = 20;
}
