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
            // MudBlazor's defaults read at 2-3.7:1 as chip and alert text; these darker ones reach AA (4.5:1) on white and on their tints,
            // also where a chip's 12 % tint sits on the grey page background (green 800 and red 800 fell just short there).
            Success = "#1b5e20",
            Info = "#1565c0",
            Warning = "#9a4d00",
            Error = "#b71c1c",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
