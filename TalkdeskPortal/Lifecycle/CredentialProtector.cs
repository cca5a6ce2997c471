using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Lifecycle;

/// <summary>Encrypts credential sets with ASP.NET Core Data Protection before they touch the database.</summary>
public sealed class CredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TalkdeskPortal.Credentials.v1");

    public string Protect(TalkdeskCredentials credentials) =>
        _protector.Protect(JsonSerializer.Serialize(credentials));

    public TalkdeskCredentials Unprotect(string protectedCredentials) =>
        JsonSerializer.Deserialize<TalkdeskCredentials>(_protector.Unprotect(protectedCredentials))
        ?? throw new InvalidOperationException("Stored credentials could not be read.");
}
