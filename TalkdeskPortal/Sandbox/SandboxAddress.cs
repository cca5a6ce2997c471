using Microsoft.Extensions.Primitives;

namespace TalkdeskPortal.Sandbox;

/// <summary>
/// Where this portal answers, so the sandbox can call itself (tokens, API, events, the fake product) on whatever
/// address it was started on. Until the server listens it is a guess from the configured <c>urls</c>; once it
/// listens, the real address replaces the guess and the options built from it are rebuilt.
/// </summary>
public sealed class SandboxAddress
{
    private static readonly Uri Fallback = new("http://localhost:5000/"); // Kestrel's own default

    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();
    private Uri _base;

    public SandboxAddress(IConfiguration configuration) =>
        _base = Pick((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) ?? Fallback;

    // Always ends in '/'.
    public Uri Base
    {
        get
        {
            lock (_gate) return _base;
        }
    }

    public bool IsListening { get; private set; }

    public IChangeToken GetChangeToken()
    {
        lock (_gate) return new CancellationChangeToken(_changed.Token);
    }

    /// <summary>Takes the addresses the server reports once it listens; options that depend on them are rebuilt.</summary>
    public void Listening(IEnumerable<string> addresses)
    {
        if (Pick(addresses) is not { } address) return;
        CancellationTokenSource fired;
        lock (_gate)
        {
            (_base, IsListening) = (address, true);
            // A fresh token first: whoever re-subscribes on the change must not get the one already fired.
            (fired, _changed) = (_changed, new CancellationTokenSource());
        }
        fired.Cancel();
        fired.Dispose();
    }

    /// <summary>
    /// A base URL the portal can reach itself on: http before https (the sandbox's plain http is allowed on loopback
    /// only), any-address bindings (<c>[::]</c>, <c>0.0.0.0</c>, <c>+</c>, <c>*</c>) as <c>localhost</c>, port 0 skipped.
    /// </summary>
    public static Uri? Pick(IEnumerable<string> addresses)
    {
        var usable = addresses.Select(Parse).OfType<Uri>().ToList();
        return usable.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp && u.IsLoopback)
            ?? usable.FirstOrDefault(u => u.IsLoopback)
            ?? usable.FirstOrDefault();
    }

    private static Uri? Parse(string address)
    {
        // "http://+:80" and "http://*:80" are not URIs; Kestrel reports them as [::] once bound, but configuration holds them raw.
        var text = address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:")
            .Replace("://[::]:", "://localhost:").Replace("://0.0.0.0:", "://localhost:");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Port == 0) return null;
        return new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
    }
}
