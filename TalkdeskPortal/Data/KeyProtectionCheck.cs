using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Data;

/// <summary>Says at start, in Production, that the key ring is stored unencrypted.</summary>
internal sealed class KeyProtectionCheck(IHostEnvironment environment, IOptions<KeyProtectionOptions> options, ILogger<KeyProtectionCheck> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && !options.Value.Configured)
        {
            logger.LogWarning("Data Protection keys are stored unencrypted: anyone who can read the data folder can decrypt every stored " +
                "Talkdesk credential. Set DataProtection:CertificatePath (and DataProtection__CertificatePassword) to encrypt them.");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
