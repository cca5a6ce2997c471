using Microsoft.Playwright;

// Server time of each page as staff open it: signs in with Chromium, loads every page 8 times and reports the
// median and max of requestStart -> responseStart for the document (sign-in check, prerender with its queries).
// Usage: PageTimes <portal base url> <email> <password> <a request id>
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: PageTimes <base url> <email> <password> <request id>");
    return 2;
}
var (baseUrl, email, password, requestId) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
});
var page = await browser.NewPageAsync();
await page.GotoAsync($"{baseUrl}/account/login");
await page.FillAsync("#email", email);
await page.FillAsync("#password", password);
await page.ClickAsync("[data-test=login-submit]");
await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

Console.WriteLine("| page | server ms, median | max |");
Console.WriteLine("|---|---:|---:|");
foreach (var (name, path) in new[] { ("Overview", "/"), ("Queue", "/queue"), ("Request detail", $"/requests/{requestId}"),
             ("Tenants", "/tenants"), ("Audit", "/audit"), ("Policy", "/policy"), ("Users", "/users") })
{
    var times = new List<double>();
    for (var i = 0; i < 8; i++)
    {
        await page.GotoAsync(baseUrl + path, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var ms = await page.EvaluateAsync<double>("() => { const e = performance.getEntriesByType('navigation')[0]; return e.responseStart - e.requestStart; }");
        if (i > 0) times.Add(ms); // the first load warms the page up
    }
    times.Sort();
    Console.WriteLine($"| {name} | {times[times.Count / 2]:0.0} | {times.Max():0.0} |");
}
return 0;
