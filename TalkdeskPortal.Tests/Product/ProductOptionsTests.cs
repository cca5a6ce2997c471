using TalkdeskPortal.Product;

namespace TalkdeskPortal.Tests.Product;

public sealed class ProductOptionsTests
{
    private static readonly ProductOptionsValidation Validation = new();

    [Fact]
    public void Off_WhenNoUrl_IsValid() =>
        Assert.True(Validation.Validate(null, new ProductOptions()).Succeeded);

    [Theory]
    [InlineData("ftp://product.example/hook")]
    [InlineData("/relative")]
    [InlineData("not a url")]
    public void AUrlThatIsNotHttp_IsRefusedAtStart(string url)
    {
        var result = Validation.Validate(null, new ProductOptions { WebhookUrl = url, WebhookSecret = WebhookSecrets.New() });
        Assert.True(result.Failed);
        Assert.Contains("Product:WebhookUrl", result.FailureMessage);
    }

    [Fact]
    public void AUrlWithoutAUsableSecret_IsRefusedAtStart_AndTheMessageSaysWhatIsWanted()
    {
        var result = Validation.Validate(null, new ProductOptions { WebhookUrl = "https://product.example/hook", WebhookSecret = "hunter2" });
        Assert.True(result.Failed);
        Assert.Contains("whsec_", result.FailureMessage);
        Assert.DoesNotContain("hunter2", result.FailureMessage);
    }
}
