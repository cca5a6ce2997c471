using Bunit;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Tests.Components;

public sealed class RequestStateChipTests : ComponentTestBase
{
    [Fact]
    public void Retrying_ReadsRetrying_InItsOwnColour_ApartFromFailed()
    {
        var retrying = Render<RequestStateChip>(p => p.Add(x => x.State, RequestState.Retrying)).Find("[data-test=state-chip]");
        var failed = Render<RequestStateChip>(p => p.Add(x => x.State, RequestState.Failed)).Find("[data-test=state-chip]");

        Assert.Equal("Retrying", retrying.TextContent.Trim());
        Assert.Equal("Failed", failed.TextContent.Trim());
        Assert.Contains("mud-chip-color-error", failed.ClassName);
        Assert.DoesNotContain("mud-chip-color-error", retrying.ClassName);
        Assert.Contains("color:#7a4f01", retrying.GetAttribute("style"));
        Assert.Null(failed.GetAttribute("style"));
    }

    [Theory]
    [InlineData(RequestState.AwaitingApproval, "Awaiting approval")]
    [InlineData(RequestState.AwaitingProduct, "Waiting for the product")]
    [InlineData(RequestState.Completed, "Completed")]
    public void StateChip_ReadsAsWords_AndKeepsTheEnumNameForScripts(RequestState state, string words)
    {
        var chip = Render<RequestStateChip>(p => p.Add(x => x.State, state)).Find("[data-test=state-chip]");

        Assert.Equal(words, chip.TextContent.Trim());
        Assert.Equal(state.ToString(), chip.GetAttribute("data-state"));
    }

    [Fact]
    public void EveryState_ReadsAsWords_NotAsAnEnumName()
    {
        foreach (var state in Enum.GetValues<RequestState>())
        {
            var text = Render<RequestStateChip>(p => p.Add(x => x.State, state)).Find("[data-test=state-chip]").TextContent.Trim();
            Assert.False(text.Skip(1).Any(char.IsUpper), $"{state} reads \"{text}\"");
        }
    }
}
