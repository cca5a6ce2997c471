using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Audit;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Retention;

/// <summary>
/// Audit entries stay, without personal data: an email address in an entry's detail (the reconciliation names the
/// users it added or removed) becomes <see cref="Erased"/>.
/// </summary>
public static partial class AuditScrub
{
    public const string Erased = "[erased]";

    public static string Scrub(string detail) => EmailLike().Replace(detail, Erased);

    /// <summary>Rewrites the details of <paramref name="entries"/> that hold an address; returns how many changed.</summary>
    public static async Task<int> ScrubAsync(PortalDbContext db, IQueryable<AuditEntry> entries, CancellationToken ct) =>
        await ApplyAsync(db, await FindAsync(entries, ct), ct);

    /// <summary>The entries among <paramref name="entries"/> that hold an address, with their details scrubbed.</summary>
    public static async Task<List<(long Id, string Detail)>> FindAsync(IQueryable<AuditEntry> entries, CancellationToken ct)
    {
        var found = await entries.Where(a => a.Detail != null && a.Detail.Contains("@")).Select(a => new { a.Id, a.Detail }).ToListAsync(ct);
        return found.Select(a => (a.Id, Was: a.Detail!, Detail: Scrub(a.Detail!))).Where(a => a.Detail != a.Was).Select(a => (a.Id, a.Detail)).ToList();
    }

    public static async Task<int> ApplyAsync(PortalDbContext db, IReadOnlyList<(long Id, string Detail)> scrubbed, CancellationToken ct)
    {
        var changed = 0;
        foreach (var (id, detail) in scrubbed)
            changed += await db.Audit.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, detail), ct);
        return changed;
    }

    [GeneratedRegex(@"[^\s,;()<>\[\]""']+@[^\s,;()<>\[\]""']+")]
    private static partial Regex EmailLike();
}
