using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TalkdeskPortal.Sandbox;

namespace TalkdeskPortal.Tests.Support;

/// <summary>Calls the fake Talkdesk as some other client would, to stage what happened outside the portal.</summary>
public static class TalkdeskDirect
{
    public static async Task ApproveDirectlyAsync(this FakeTalkdeskHost host, FakeInstallation installation)
    {
        using var http = new HttpClient();
        var credentials = installation.Credentials;
        var tokenUrl = host.TokenUrlTemplate.Replace("{account}", installation.AccountName);
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ClientId}:{credentials.ClientSecret}")));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        using var approve = new HttpRequestMessage(HttpMethod.Post,
            new Uri(host.ApiRoot, $"apps/{host.Fake.AppId}/installations/{installation.InstallationId}/state"))
        {
            Content = JsonContent.Create(new { state = "approve" }),
        };
        approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(approve)).EnsureSuccessStatusCode();
    }
}
