namespace TalkdeskPortal.Staff;

/// <summary>Claims the portal adds to a single sign-on principal, which has no local account row.</summary>
public static class StaffClaims
{
    public const string SingleSignOn = "portal:sso";

    // Unix seconds at sign-in; the absolute lifetime counts from here (cookie renewals do not move it).
    public const string SignedInAt = "portal:signed_in_at";
}
