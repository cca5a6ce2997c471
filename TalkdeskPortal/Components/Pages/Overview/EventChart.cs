using MudBlazor;
using TalkdeskPortal.Dashboard;

namespace TalkdeskPortal.Components.Pages.Overview;

/// <summary>Turns per-day counts into one series per event type over a fixed run of days.</summary>
public static class EventChart
{
    public static (string[] Labels, List<ChartSeries<double>> Series) Build(IReadOnlyList<DailyEvents> events, DateOnly today, int days)
    {
        var range = Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1)).ToArray();
        var labels = range.Select((d, i) => i % 5 == 0 || i == days - 1 ? d.ToString("MMM d") : "").ToArray();
        var series = events.Select(e => e.Type).Distinct().Order()
            .Select(type => new ChartSeries<double>
            {
                Name = type,
                Data = new ChartData<double>(range.Select(day => (double)events.Where(e => e.Type == type && e.Day == day).Sum(e => e.Count)).ToArray()),
            })
            .ToList();
        return (labels, series);
    }
}
