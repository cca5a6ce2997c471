using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Sandbox;

public static class SandboxHostingExtensions
{
    public static bool IsSandboxEnabled(this IConfiguration configuration) =>
        configuration.GetSection(SandboxOptions.Section).GetValue<bool>(nameof(SandboxOptions.Enabled));

    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidation>();
        if (!builder.Configuration.IsSandboxEnabled()) return builder;
        builder.Services.AddFakeTalkdesk();
        builder.Services.AddHttpClient<SandboxEventSender>();
        builder.Services.AddSingleton<FakeProduct>();
        builder.Services.AddSandboxDefaults();
        return builder;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (!app.Configuration.IsSandboxEnabled()) return app;
        app.MapFakeTalkdesk(SandboxOptions.Prefix);
        app.MapFakeProduct(SandboxOptions.Prefix);
        // Only a listening server knows its port (--urls, a taken 5080, port 0 in tests): the sandbox's defaults follow it.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>() is { } feature)
                app.Services.GetRequiredService<SandboxAddress>().Listening(feature.Addresses);
        });
        return app;
    }
}
