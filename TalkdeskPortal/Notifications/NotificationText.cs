using System.Text;
using TalkdeskPortal.Components.Shared;
using TalkdeskPortal.Lifecycle;

namespace TalkdeskPortal.Notifications;

/// <summary>The words of each message: account, request type, time left, why, and the deep link.</summary>
public static class NotificationText
{
    private const string Tag = "[TalkdeskPortal]";

    public static NotificationContent ForRequest(LifecycleRequest request, NotificationReason reason, DateTimeOffset now, string link)
    {
        var account = Account(request);
        var left = Durations.Left(request.Deadline - now);
        var (subject, opening) = reason switch
        {
            NotificationReason.AwaitingApproval => ($"{KindWords.For(request.Kind)} for {account} awaits approval ({left} left)",
                $"An {request.Kind.ToString().ToLowerInvariant()} request for {account} is waiting for an Approver."),
            NotificationReason.NeedsAttention when request.State == RequestState.Failed => ($"{KindWords.For(request.Kind)} for {account} failed",
                $"The {request.Kind.ToString().ToLowerInvariant()} request for {account} failed and is parked until staff press Retry."),
            NotificationReason.NeedsAttention => ($"{KindWords.For(request.Kind)} for {account} has been retrying for over an hour",
                $"The {request.Kind.ToString().ToLowerInvariant()} request for {account} has been retrying for over an hour."),
            NotificationReason.ExpiringSoon => ($"{KindWords.For(request.Kind)} for {account} expires in {left}",
                $"The {request.Kind.ToString().ToLowerInvariant()} request for {account} is not finished and Talkdesk's window closes in {left}."),
            NotificationReason.EventRefused => ($"{KindWords.For(request.Kind)} event for {account} was refused",
                $"An {request.Kind.ToString().ToLowerInvariant()} event for {account} failed the authenticity check; nothing was provisioned or sent."),
            _ => ($"{KindWords.For(request.Kind)} for {account}", $"{KindWords.For(request.Kind)} request for {account}."),
        };
        var body = new StringBuilder()
            .AppendLine(opening)
            .AppendLine()
            .AppendLine($"Account: {account}")
            .AppendLine($"Request: {KindWords.For(request.Kind)} #{request.Id} ({StateWords.For(request.State)})")
            .AppendLine(request.State.IsFinal() ? "Time left: none, it is finished" : $"Time left: {left} (Talkdesk's deadline {request.Deadline:yyyy-MM-dd HH:mm} UTC)");
        if (request.State is RequestState.Failed or RequestState.Retrying or RequestState.Refused && !string.IsNullOrWhiteSpace(request.Error))
            body.AppendLine($"Why: {request.Error}");
        body.AppendLine().AppendLine($"Open: {link}");
        return new($"{Tag} {subject}", body.ToString(), link);
    }

    public static NotificationContent Digest(DateOnly day, IReadOnlyList<LifecycleRequest> open, DateTimeOffset now, Func<long, string> link, string queue)
    {
        var body = new StringBuilder().AppendLine($"{open.Count} open request{(open.Count == 1 ? "" : "s")} on {day:yyyy-MM-dd}:").AppendLine();
        foreach (var r in open)
            body.AppendLine($"- {KindWords.For(r.Kind)} #{r.Id} for {Account(r)}: {StateWords.For(r.State)}, {Durations.Left(r.Deadline - now)} left. {link(r.Id)}");
        body.AppendLine().AppendLine($"Queue: {queue}");
        return new($"{Tag} Daily digest {day:yyyy-MM-dd}: {open.Count} open request{(open.Count == 1 ? "" : "s")}", body.ToString(), queue);
    }

    private static string Account(LifecycleRequest request) =>
        string.IsNullOrWhiteSpace(request.AccountName) ? request.AccountId : $"{request.AccountName} ({request.AccountId})";
}
