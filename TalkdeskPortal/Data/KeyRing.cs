using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using TalkdeskPortal.Data.PostgreSql;

namespace TalkdeskPortal.Data;

/// <summary>
/// The Data Protection key ring that encrypts stored credentials: kept beside the database so a restart can read
/// it, in a folder only the portal's user can open, and encrypted with a certificate when one is configured.
/// </summary>
public static class KeyRing
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <param name="inDatabase">PostgreSQL: the keys live in the database, so every instance reads the same ring.</param>
    public static WebApplicationBuilder AddKeyRing(this WebApplicationBuilder builder, string dataDirectory, bool inDatabase = false)
    {
        builder.Services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.Section);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("TalkdeskPortal");
        if (inDatabase)
        {
            dataProtection.PersistKeysToDbContext<PostgresPortalDbContext>();
        }
        else
        {
            var folder = new DirectoryInfo(Path.Combine(dataDirectory, "keys"));
            CreateOwnerOnly(folder);
            OwnerOnlyXmlRepository.Tighten(folder);
            builder.Services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((o, loggers) =>
                o.XmlRepository = new OwnerOnlyXmlRepository(folder, loggers));
        }

        var protection = builder.Configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        var root = builder.Environment.ContentRootPath;
        if (protection.Configured) dataProtection.ProtectKeysWithCertificate(LoadCertificate(protection.CertificatePath!, protection.CertificatePassword, root));
        var previous = protection.PreviousCertificates.Where(c => !string.IsNullOrWhiteSpace(c.Path))
            .Select(c => LoadCertificate(c.Path!, c.Password, root)).ToArray();
        if (previous.Length > 0) dataProtection.UnprotectKeysWithAnyCertificate(previous);
        builder.Services.AddHostedService<KeyProtectionCheck>();
        return builder;
    }

    private static void CreateOwnerOnly(DirectoryInfo folder)
    {
        if (OperatingSystem.IsWindows())
        {
            folder.Create();
            return;
        }
        Directory.CreateDirectory(folder.FullName, FolderMode);
        // CreateDirectory leaves an existing folder as it was; tighten one made by an earlier version.
        if (File.GetUnixFileMode(folder.FullName) != FolderMode) File.SetUnixFileMode(folder.FullName, FolderMode);
    }

    private static X509Certificate2 LoadCertificate(string configuredPath, string? password, string contentRoot)
    {
        var path = Path.GetFullPath(configuredPath, contentRoot);
        if (!File.Exists(path))
            throw new InvalidOperationException($"The Data Protection certificate {path} does not exist.");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"The Data Protection certificate {path} must be an RSA certificate with its private key.");
        return certificate;
    }
}
