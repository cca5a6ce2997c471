using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Product;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddFakeTalkdesk(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FakeTalkdesk>();
        services.TryAddSingleton<FakeTokenIssuer>();
        return services;
    }

    /// <summary>The portal's own address as the default for what the sandbox calls; options rebuilt once it listens.</summary>
    public static IServiceCollection AddSandboxDefaults(this IServiceCollection services)
    {
        services.TryAddSingleton<SandboxAddress>();
        services.TryAddSingleton<SandboxDefaults>();
        services.AddSingleton<IPostConfigureOptions<TalkdeskOptions>>(sp => sp.GetRequiredService<SandboxDefaults>());
        services.AddSingleton<IPostConfigureOptions<SandboxOptions>>(sp => sp.GetRequiredService<SandboxDefaults>());
        services.AddSingleton<IPostConfigureOptions<ProductOptions>>(sp => sp.GetRequiredService<SandboxDefaults>());
        services.AddSingleton<IOptionsChangeTokenSource<TalkdeskOptions>, SandboxAddressChangeTokenSource<TalkdeskOptions>>();
        services.AddSingleton<IOptionsChangeTokenSource<SandboxOptions>, SandboxAddressChangeTokenSource<SandboxOptions>>();
        services.AddSingleton<IOptionsChangeTokenSource<ProductOptions>, SandboxAddressChangeTokenSource<ProductOptions>>();
        return services;
    }
}
