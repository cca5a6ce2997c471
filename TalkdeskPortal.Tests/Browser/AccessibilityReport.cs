namespace TalkdeskPortal.Tests.Browser;

/// <summary>Collects axe findings page by page, so one run names every page that fails rather than only the first.</summary>
public sealed class AccessibilityReport
{
    private readonly List<(string Page, IReadOnlyList<string> Found)> _pages = [];

    public async Task CheckAsync(Microsoft.Playwright.IPage page, string name) => _pages.Add((name, await AxeCheck.SeriousAsync(page)));

    public void AssertClean()
    {
        var lines = _pages.Select(p => $"{p.Page}: {p.Found.Count}" + string.Concat(p.Found.Select(f => "\n    " + f)));
        var text = string.Join("\n", lines);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "axe-report.txt"), text + "\n");
        Assert.True(_pages.All(p => p.Found.Count == 0), "serious or critical axe violations:\n" + text);
    }
}
