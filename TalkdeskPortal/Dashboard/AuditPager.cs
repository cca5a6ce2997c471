using TalkdeskPortal.Audit;

namespace TalkdeskPortal.Dashboard;

/// <summary>
/// One per open Audit page: counts a filter's rows once (not on every page turn) and turns "next page" into a
/// seek from the last id shown, so paging through a large trail costs neither a full count nor a growing OFFSET.
/// A jump to another page falls back to OFFSET. The count is as of the filter's first page; new entries show on reload.
/// </summary>
public sealed class AuditPager(AuditQuery query)
{
    private AuditFilter? _countedFor;
    private int _total;
    private (int Page, int Size, long LastId)? _shown;

    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> LoadAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var sameFilter = filter == _countedFor;
        long? beforeId = sameFilter && _shown is { } shown && shown.Size == pageSize && shown.Page == page - 1 ? shown.LastId : null;
        var (rows, total) = await query.PageAsync(filter, page, pageSize, sameFilter ? _total : null, beforeId, ct);
        (_countedFor, _total) = (filter, total);
        _shown = rows.Count > 0 ? (page, pageSize, rows[^1].Id) : null;
        return (rows, total);
    }
}
