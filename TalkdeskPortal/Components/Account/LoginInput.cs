using System.ComponentModel.DataAnnotations;

namespace TalkdeskPortal.Components.Account;

public sealed class LoginInput
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}
