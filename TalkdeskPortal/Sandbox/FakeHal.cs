namespace TalkdeskPortal.Sandbox;

/// <summary>HAL shapes of the fake's answers.</summary>
internal static class FakeHal
{
    public static object User(FakeUser u) =>
        new { id = u.Id, email = u.Email, name = u.Name, active = u.Active, extension = u.Extension, created_at = u.CreatedAt };

    public static object Installation(FakeInstallation i, string appId) => new
    {
        id = i.InstallationId,
        app_id = appId,
        account_id = i.AccountId,
        scopes = new[] { "account:read", "apps:read", "apps:write", "users:read", "events:read" },
        created_at = i.CreatedAt,
        _embedded = new
        {
            created_by = User(i.Users.First(u => u.Id == i.AdminUserId)),
            state = new { state = i.State, reason = i.StateReason, updated_at = i.StateUpdatedAt },
        },
    };

    public static object UserPage(HttpRequest request, IReadOnlyList<FakeUser> users, int? page, int? perPage)
    {
        var size = Math.Clamp(perPage ?? 50, 1, 100);
        var number = Math.Max(page ?? 1, 1);
        var items = users.Skip((number - 1) * size).Take(size).Select(User).ToArray();
        var self = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var links = new Dictionary<string, object> { ["self"] = new { href = $"{self}?page={number}&per_page={size}" } };
        if (number * size < users.Count) links["next"] = new { href = $"{self}?page={number + 1}&per_page={size}" };
        return new { total = users.Count, page = number, per_page = size, count = items.Length, _embedded = new { users = items }, _links = links };
    }
}
