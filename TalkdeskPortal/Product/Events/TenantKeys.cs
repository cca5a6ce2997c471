using System.Security.Cryptography;
using System.Text;

namespace TalkdeskPortal.Product.Events;

/// <summary>
/// The tenant id the product sees: derived from the Talkdesk account id, so it is the same on every install and
/// reinstall, in every webhook and API answer, and known before the portal's own row exists (a webhook that gates
/// the approve goes out before the tenant is activated).
/// </summary>
public static class TenantKeys
{
    public static string For(string talkdeskAccountId) =>
        "tnt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(talkdeskAccountId)))[..20];
}
