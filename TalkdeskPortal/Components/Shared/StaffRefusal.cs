namespace TalkdeskPortal.Components.Shared;

/// <summary>What a page says when the server-side role check refuses an action the page still offered.</summary>
public static class StaffRefusal
{
    public const string Message = "Your role no longer allows this, so nothing was done. Reload the page, or ask an Admin.";
}
