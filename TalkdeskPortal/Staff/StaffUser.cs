using Microsoft.AspNetCore.Identity;

namespace TalkdeskPortal.Staff;

/// <summary>A partner employee who signs in to the portal.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
