using Microsoft.Extensions.DependencyInjection.Extensions;

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
}
