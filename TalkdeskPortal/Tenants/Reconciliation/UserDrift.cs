using TalkdeskPortal.Product.Events;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tenants.Reconciliation;

/// <summary>Who Talkdesk licensed or unlicensed without telling us: what <see cref="TenantUserSync.Replace"/> will add and remove.</summary>
public sealed record UserDrift(IReadOnlyList<ProductUser> Added, IReadOnlyList<ProductUser> Removed)
{
    public bool Any => Added.Count > 0 || Removed.Count > 0;

    // The words on the tenant page and in the audit.
    public string Summary => Describe(Added.Count, Removed.Count);

    public static string Describe(int added, int removed) => $"drift fixed: +{added} / \u2212{removed}";

    public static UserDrift Between(Tenant tenant, IReadOnlyList<TalkdeskUser> licensed, string? keptAdminId)
    {
        var mapped = tenant.Users.Select(m => m.TalkdeskUserId).ToHashSet(StringComparer.Ordinal);
        var wanted = licensed.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        if (keptAdminId is not null) wanted.Add(keptAdminId);
        var added = licensed.DistinctBy(u => u.Id).Where(u => !mapped.Contains(u.Id))
            .Select(u => new ProductUser(u.Id, u.Email, u.Name)).ToList();
        var removed = tenant.Users.Where(m => !wanted.Contains(m.TalkdeskUserId))
            .Select(m => new ProductUser(m.TalkdeskUserId, m.Email, m.Name)).ToList();
        return new UserDrift(added, removed);
    }

    public string Detail()
    {
        static string Names(IEnumerable<ProductUser> users) =>
            string.Join(", ", users.Select(u => u.Email is null ? u.TalkdeskUserId : $"{u.TalkdeskUserId} ({u.Email})"));
        var parts = new List<string> { Summary };
        if (Added.Count > 0) parts.Add("licensed in Talkdesk: " + Names(Added));
        if (Removed.Count > 0) parts.Add("no longer licensed: " + Names(Removed));
        return string.Join("; ", parts);
    }
}
