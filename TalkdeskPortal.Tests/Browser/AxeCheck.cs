using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TalkdeskPortal.Tests.Browser;

/// <summary>axe-core on the page as it is now (dialogs included), WCAG 2.0 and 2.1 at levels A and AA.</summary>
public static class AxeCheck
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The serious and critical violations, one line per rule: id, impact and the elements it found.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAsync(IPage page)
    {
        await TransitionsSettledAsync(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}, {v.Nodes.Length}): {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}"
                + $" — {v.Nodes.FirstOrDefault()?.Any?.FirstOrDefault()?.Message}")
            .ToList();
    }

    /// <summary>
    /// Waits until no finite CSS transition or animation is running (a dialog fading in, a button turning from disabled
    /// grey to red), so that colour contrast is measured on the colours a person reads, not a blend half-way.
    /// </summary>
    private static async Task TransitionsSettledAsync(IPage page)
    {
        const string settled = "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)";
        try { await page.WaitForFunctionAsync(settled, null, new() { Timeout = 5_000, PollingInterval = 50 }); }
        catch (TimeoutException) { } // something keeps moving: measure anyway, a real finding still shows
    }

    public static async Task AssertNoSeriousAsync(IPage page, string name)
    {
        var found = await SeriousAsync(page);
        if (found.Count > 0) Assert.Fail($"axe on {name}:\n  " + string.Join("\n  ", found));
    }
}
