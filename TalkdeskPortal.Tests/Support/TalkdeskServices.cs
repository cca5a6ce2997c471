using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tests.Support;

/// <summary>The portal's Talkdesk wiring (AddTalkdesk) alone, on the given settings and nothing else.</summary>
public static class TalkdeskServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTalkdesk();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>Settings that satisfy validation, pointed at one fake Talkdesk, with quick retries.</summary>
    public static Dictionary<string, string?> For(FakeTalkdeskHost talkdesk) => new()
    {
        ["Talkdesk:AppIds:0"] = talkdesk.Fake.AppId,
        ["Talkdesk:TokenUrlTemplate"] = talkdesk.TokenUrlTemplate,
        ["Talkdesk:RegionDomains:0"] = "127.0.0.1",
        ["Talkdesk:AllowedApiHosts:0"] = talkdesk.ApiRoot.Authority,
        ["Talkdesk:Http:RetryBaseDelay"] = "00:00:00.010",
        ["Talkdesk:Http:AttemptTimeout"] = "00:00:05",
        ["Talkdesk:Http:TotalTimeout"] = "00:00:30",
    };
}
