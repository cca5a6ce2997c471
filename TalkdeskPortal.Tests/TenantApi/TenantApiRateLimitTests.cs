using System.Net;

namespace TalkdeskPortal.Tests.TenantApi;

public sealed class TenantApiRateLimitTests : TenantApiTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["TenantApi:RateLimit:PermitLimit"] = "3";
        settings["TenantApi:RateLimit:Window"] = "00:01:00";
    }

    [Fact]
    public async Task OverTheLimit_Is429ProblemWithRetryAfter_PerKey()
    {
        var busy = Api(await CreateKeyAsync("busy"));
        for (var i = 0; i < 3; i++)
            using (var ok = await busy.GetAsync("/api/v1/tenants")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var refused = await busy.GetAsync("/api/v1/tenants");
        var problem = await ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("3 calls", problem["detail"]!.GetValue<string>());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Another key has its own window.
        using var other = await Api(await CreateKeyAsync("quiet")).GetAsync("/api/v1/tenants");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
