using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace TalkdeskPortal.Tests.Components;

/// <summary>Hangfire for pages that only might schedule: records nothing, runs nothing.</summary>
public sealed class NoJobs : IBackgroundJobClient
{
    public string Create(Job job, IState state) => Guid.NewGuid().ToString("N");

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
