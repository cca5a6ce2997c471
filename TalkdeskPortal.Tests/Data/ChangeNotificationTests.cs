using System.Text;
using TalkdeskPortal.Data.PostgreSql;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tests.Data;

public sealed class ChangeNotificationTests
{
    [Fact]
    public void APayload_CarriesTheChangeAndItsInstance_AndReadsBackAsRemote()
    {
        var change = new RequestChange(42, RequestKind.Uninstall, RequestState.AwaitingApproval, "acme");

        var notification = ChangeNotification.Parse(ChangeNotification.ToPayload(change, "instance-a"));

        Assert.NotNull(notification);
        Assert.Equal("instance-a", notification.From);
        Assert.Equal(change with { Remote = true }, notification.ToChange());
    }

    [Fact]
    public void AnAccountIdTooLongForNotify_IsLeftOut_AndTheChangeStillGoes()
    {
        var change = new RequestChange(7, RequestKind.Install, RequestState.Failed, new string('é', 5_000));

        var payload = ChangeNotification.ToPayload(change, "instance-a");

        Assert.True(Encoding.UTF8.GetByteCount(payload) < 8000);
        Assert.Equal(change with { AccountId = "", Remote = true }, ChangeNotification.Parse(payload)!.ToChange());
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("{}")]
    [InlineData("""{"id":1,"kind":"Install","state":"NoSuchState","account":"a","from":"b"}""")]
    public void WhatIsNotANotification_IsIgnored(string payload) => Assert.Null(ChangeNotification.Parse(payload));
}
