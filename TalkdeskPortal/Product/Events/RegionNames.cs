namespace TalkdeskPortal.Product.Events;

/// <summary>The Talkdesk region an API root belongs to, as a short name the product can store.</summary>
public static class RegionNames
{
    public static string? For(string apiRoot)
    {
        var host = Uri.TryCreate(apiRoot, UriKind.Absolute, out var uri) ? uri.Host : apiRoot;
        return host switch
        {
            "api.talkdeskapp.com" => "us",
            "api.talkdeskapp.eu" => "eu",
            "api.talkdeskappca.com" => "ca",
            _ => null,
        };
    }
}
