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
            // MudBlazor's defaults read at 2-3.7:1 as chip and alert text; these darker ones reach AA (4.5:1) on white and on their tints.
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#9a4d00",
            Error = "#c62828",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
