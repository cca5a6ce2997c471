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
        return builder;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (!app.Configuration.IsSandboxEnabled()) return app;
        app.MapFakeTalkdesk(SandboxOptions.Prefix);
        app.MapFakeProduct(SandboxOptions.Prefix);
        return app;
    }
}
