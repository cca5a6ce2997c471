namespace TalkdeskPortal.Webhooks;

/// <summary>Why a delivery was refused; becomes a problem+json response and stores nothing.</summary>
public sealed record IntakeError(int Status, string Title, string Detail)
{
    public static IntakeError BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Invalid event", detail);

    public static IntakeError Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Event not accepted", detail);
}
