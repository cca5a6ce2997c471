using TalkdeskPortal.Components.Shared;

namespace TalkdeskPortal.Tests.Components;

public sealed class ViewerTimeTests
{
    [Theory]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")] // what Debian's Chromium reports for Kolkata
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    [InlineData("Europe/Lisbon", "Europe/Lisbon")]
    public void TheZone_IsNamedAsItsCityIsToday(string browserSays, string shown) =>
        Assert.Equal(shown, ViewerTime.For(browserSays).ZoneName);

    [Fact]
    public void AnUnknownZone_FallsBackToTheServers_WhichStillSaysItsName() =>
        Assert.Same(ViewerTime.Server, ViewerTime.For("Mars/Olympus_Mons"));

    [Fact]
    public void Times_ReadOnTheViewersClock() =>
        Assert.Equal("2030-01-02 06:30", ViewerTime.For("Asia/Calcutta").Format(new DateTimeOffset(2030, 1, 2, 1, 0, 0, TimeSpan.Zero)));
}
