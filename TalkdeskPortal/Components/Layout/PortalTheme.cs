using MudBlazor;

namespace TalkdeskPortal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b3ab5",
            Secondary = "#5c6677",
            AppbarBackground = "#2b2a8c",
            Background = "#f6f7fb",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
