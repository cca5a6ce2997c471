namespace TalkdeskPortal.Notifications;

/// <summary>The <c>Notifications:Smtp</c> section. Email is off while <see cref="Host"/> is empty.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpTlsMode UseTls { get; set; } = SmtpTlsMode.StartTls;
    public string? User { get; set; }

    // A secret: never logged, never shown back.
    public string? Password { get; set; }

    // The sender, e.g. "TalkdeskPortal <portal@example.com>".
    public string? From { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
