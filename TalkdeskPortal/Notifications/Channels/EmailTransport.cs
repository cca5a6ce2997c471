using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TalkdeskPortal.Notifications.Channels;

/// <summary>One SMTP conversation per message with MailKit: connect, authenticate if configured, send, quit.</summary>
public sealed class EmailTransport(IOptionsMonitor<NotificationOptions> options) : INotificationTransport
{
    public NotificationChannel Channel => NotificationChannel.Email;
    public bool Enabled => options.CurrentValue.Smtp.Enabled;

    public async Task SendAsync(NotificationMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var smtp = o.Smtp;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From!));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        // The same stable id on every attempt, so a mail system that already has it may drop a repeat.
        mail.MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.DedupeKey)))[..32]}@talkdeskportal";
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.AttemptTimeout);
        using var client = new SmtpClient { Timeout = (int)o.AttemptTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.UseTls), timeout.Token);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", timeout.Token);
        await client.SendAsync(mail, timeout.Token);
        // The server has the mail now: a shutdown or a slow QUIT must not turn that into a failure (and a resend).
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or MailKit.ServiceNotConnectedException)
        {
        }
    }

    private static SecureSocketOptions Security(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
