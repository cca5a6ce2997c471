using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Tests.Staff;

public sealed class SignOnLifetimeTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));

    [Fact]
    public void ASingleSignOnSession_EndsAtItsAbsoluteLifetime_HoweverActive()
    {
        var access = Access(TimeSpan.FromHours(12));
        var user = SignedOn(_time.GetUtcNow());

        _time.Advance(TimeSpan.FromHours(11.9));
        Assert.False(access.SignOnExpired(user));
        _time.Advance(TimeSpan.FromHours(0.1));
        Assert.True(access.SignOnExpired(user));
    }

    [Fact]
    public void APrincipalWithoutASignInTime_CountsAsEnded()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.SingleSignOn, "true")], "sso"));

        Assert.True(Access(TimeSpan.FromHours(12)).SignOnExpired(user));
    }

    private StaffAccess Access(TimeSpan lifetime) =>
        new(null!, null!, null!, _time, Options.Create(new StaffOptions { Oidc = new OidcOptions { AbsoluteLifetime = lifetime } }));

    private static ClaimsPrincipal SignedOn(DateTimeOffset at) => new(new ClaimsIdentity(
        [new Claim(StaffClaims.SingleSignOn, "true"), new Claim(StaffClaims.SignedInAt, at.ToUnixTimeSeconds().ToString())], "sso"));
}
