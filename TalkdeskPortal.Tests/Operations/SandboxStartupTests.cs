using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Tests.Support;

namespace TalkdeskPortal.Tests.Operations;

/// <summary>The sandbox's fake Talkdesk answers anyone, so Production needs it switched on twice.</summary>
[Collection(PortalCollection.Name)]
public sealed class SandboxStartupTests
{
    [Fact]
    public void Production_WithTheSandboxOn_RefusesToStart_AndSaysWhy()
    {
        using var portal = Production(allow: false);

        var error = Record.Exception(() => portal.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(SandboxOptionsValidation.ProductionRefusal, error.ToString());
    }

    [Fact]
    public async Task Production_WithTheSandboxAllowed_Starts()
    {
        using var portal = Production(allow: true);

        var response = await portal.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static WebApplicationFactory<Program> Production(bool allow) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DataDirectory", TestData.NewDirectory());
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("Talkdesk:AppIds:0", "sandbox-app");
            builder.UseSetting("Sandbox:Enabled", "true");
            builder.UseSetting("Sandbox:AllowInProduction", allow ? "true" : "false");
        });
}
