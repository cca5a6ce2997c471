using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Components.Shared;

/// <summary>Request types as staff read them ("Credentials rotated", not <c>CredentialsRotated</c>). URLs keep the enum names.</summary>
public static class KindWords
{
    public static string For(RequestKind kind) => kind switch
    {
        RequestKind.CredentialsRotated => "Credentials rotated",
        RequestKind.TrialStarted => "Trial started",
        RequestKind.TrialExtended => "Trial extended",
        RequestKind.TrialEnded => "Trial ended",
        _ => kind.ToString(),
    };
}
