using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Tenants;

/// <summary>Keeps a tenant's user mappings in line with Talkdesk's licensed users.</summary>
public static class TenantUserSync
{
    /// <summary>Makes the mappings exactly the licensed users (plus the installing admin).</summary>
    public static void Replace(Tenant tenant, IReadOnlyList<TalkdeskUser> licensed, TalkdeskUser? admin)
    {
        var wanted = ById(licensed);
        if (admin is not null) wanted.TryAdd(admin.Id, admin);
        tenant.Users.RemoveAll(m => !wanted.ContainsKey(m.TalkdeskUserId));
        foreach (var user in wanted.Values) Upsert(tenant, user, isAdmin: user.Id == admin?.Id);
    }

    /// <summary>Applies an app.updated users change; returns how many were added and removed.</summary>
    public static (int Added, int Removed) Apply(Tenant tenant, IReadOnlyList<string> adding, IReadOnlyList<string> removing,
        IReadOnlyList<TalkdeskUser> licensed)
    {
        var known = ById(licensed);
        var added = 0;
        foreach (var id in adding)
        {
            var user = known.GetValueOrDefault(id) ?? new TalkdeskUser(id, null, null, true, null);
            if (tenant.Users.All(m => m.TalkdeskUserId != id)) added++;
            Upsert(tenant, user, isAdmin: id == tenant.AdminTalkdeskUserId);
        }
        var removed = tenant.Users.RemoveAll(m => removing.Contains(m.TalkdeskUserId) && m.TalkdeskUserId != tenant.AdminTalkdeskUserId);
        return (added, removed);
    }

    // HAL pages are read one after another while users change, so a user can appear on two pages: the later copy wins.
    private static Dictionary<string, TalkdeskUser> ById(IReadOnlyList<TalkdeskUser> users)
    {
        var byId = new Dictionary<string, TalkdeskUser>(users.Count, StringComparer.Ordinal);
        foreach (var user in users) byId[user.Id] = user;
        return byId;
    }

    private static void Upsert(Tenant tenant, TalkdeskUser user, bool isAdmin)
    {
        var mapping = tenant.Users.FirstOrDefault(m => m.TalkdeskUserId == user.Id);
        if (mapping is null)
        {
            mapping = new TenantUser { TalkdeskUserId = user.Id };
            tenant.Users.Add(mapping);
        }
        mapping.Email = user.Email ?? mapping.Email;
        mapping.Name = user.Name ?? mapping.Name;
        mapping.Active = user.Active;
        mapping.IsAdmin = isAdmin;
    }
}
