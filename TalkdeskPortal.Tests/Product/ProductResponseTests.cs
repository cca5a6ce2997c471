using TalkdeskPortal.Product;
using TalkdeskPortal.Product.Jobs;

namespace TalkdeskPortal.Tests.Product;

public sealed class ProductResponseTests
{
    [Theory]
    [InlineData(200, true, false)]
    [InlineData(204, true, false)]
    [InlineData(400, false, true)]
    [InlineData(409, false, true)]
    [InlineData(410, false, true)]
    [InlineData(422, false, true)]
    [InlineData(408, false, false)]
    [InlineData(429, false, false)]
    [InlineData(500, false, false)]
    [InlineData(503, false, false)]
    [InlineData(302, false, false)]
    public void StatusCodes_AreAcceptedRefusedOrRetried(int status, bool accepted, bool refused)
    {
        var response = new ProductResponse(status, null, null, null);
        Assert.Equal(accepted, response.Accepted);
        Assert.Equal(refused, response.Refused);
    }

    [Fact]
    public void Reason_IsTheProblemDetail_ThenTheTitle_ThenTheBody_ThenTheStatus()
    {
        Assert.Equal("No seat left", new ProductResponse(422, """{"title":"Nope","detail":"No seat left"}""", null, null).Reason());
        Assert.Equal("Nope", new ProductResponse(422, """{"title":"Nope"}""", null, null).Reason());
        Assert.Equal("plain words", new ProductResponse(400, "plain words", null, null).Reason());
        Assert.Equal("{\"detail\":\"cut sho", new ProductResponse(400, "{\"detail\":\"cut sho", null, null).Reason());
        Assert.Equal("HTTP 409 Conflict", new ProductResponse(409, null, null, null).Reason());
        Assert.Equal("Connection refused", new ProductResponse(null, null, "Connection refused", null).Reason());
    }

    [Fact]
    public void RetrySchedule_GrowsThenRepeats_AndALongerRetryAfterWins_WithinReason()
    {
        var options = new ProductOptions();
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryDelay(1, null));
        Assert.Equal(TimeSpan.FromHours(1), options.RetryDelay(6, null));
        Assert.Equal(TimeSpan.FromHours(1), options.RetryDelay(60, null));
        Assert.Equal(TimeSpan.FromMinutes(3), options.RetryDelay(1, TimeSpan.FromMinutes(3)));
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryDelay(1, TimeSpan.FromDays(2))); // an absurd Retry-After is ignored
    }

    [Fact]
    public void AccountGate_LetsOneSenderIn_AndAKnockMeansAnotherPass()
    {
        var gate = new AccountGate();
        Assert.True(gate.TryEnter("a"));
        Assert.True(gate.TryEnter("b"));
        Assert.False(gate.TryEnter("a"));
        Assert.False(gate.TryExit("a")); // someone knocked: look once more
        Assert.True(gate.TryExit("a"));
        Assert.True(gate.TryEnter("a"));
        gate.Release("a");
        Assert.True(gate.TryEnter("a"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("secret", false)]
    [InlineData("whsec_", false)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!", false)]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    public void WebhookSecrets_MustBeWhsecAndBase64OfEnoughBytes(string? secret, bool valid)
    {
        Assert.Equal(valid, WebhookSecrets.Parse(secret) is not null);
        Assert.NotNull(WebhookSecrets.Parse(WebhookSecrets.New()));
    }
}
