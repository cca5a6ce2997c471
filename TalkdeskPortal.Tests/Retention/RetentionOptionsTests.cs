using Microsoft.Extensions.Configuration;
using TalkdeskPortal.Retention;

namespace TalkdeskPortal.Tests.Retention;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void TheDefaults_KeepPayloads90Days_KeepUninstalledTenants_AndRunHourly()
    {
        var options = Bind();

        Assert.Equal(TimeSpan.FromDays(90), options.EventPayloadsAfter);
        Assert.Null(options.UninstalledTenantAfter);
        Assert.Equal("0 * * * *", options.Cron);
        Assert.True(new RetentionOptionsValidation().Validate(null, options).Succeeded);
    }

    [Fact]
    public void SecondsLongWindows_AndAnEmptyCron_AreAccepted()
    {
        var options = Bind(("EventPayloadsAfter", "00:00:01"), ("UninstalledTenantAfter", "00:00:02"), ("Cron", ""));

        Assert.Equal(TimeSpan.FromSeconds(2), options.UninstalledTenantAfter);
        Assert.False(options.Scheduled);
        Assert.True(new RetentionOptionsValidation().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("EventPayloadsAfter", "00:00:00", "Retention:EventPayloadsAfter must be positive.")]
    [InlineData("UninstalledTenantAfter", "-1.00:00:00", "Retention:UninstalledTenantAfter must be positive, or empty for off.")]
    [InlineData("Cron", "hourly", "Retention:Cron 'hourly' is not a cron expression (5 or 6 fields; empty for off).")]
    [InlineData("BatchPause", "00:05:00", "Retention:BatchPause must be from 0 to 00:01:00.")]
    public void AValueThatWouldMisbehave_StopsTheStart_AndSaysWhich(string key, string value, string message)
    {
        var result = new RetentionOptionsValidation().Validate(null, Bind((key, value)));

        Assert.True(result.Failed);
        Assert.Contains(message, result.Failures!);
    }

    private static RetentionOptions Bind(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"{RetentionOptions.Section}:{v.Key}", v.Value)))
            .Build().GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
}
