namespace TalkdeskPortal.Notifications;

public enum SmtpTlsMode
{
    // Plain text: only for a relay on the same host or a test server.
    None,
    // Connect in plain text, then upgrade with STARTTLS (port 587); refuses a server that cannot.
    StartTls,
    // TLS from the first byte (port 465).
    Tls,
}
