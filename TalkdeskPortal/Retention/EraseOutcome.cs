namespace TalkdeskPortal.Retention;

public enum EraseOutcome
{
    Erased,
    NotFound,
    // Installed (or reinstalled meanwhile): an active customer's data is not erased.
    Installed,
    // A request or product webhook of the account is still open (a reinstall under way?): erase once it has finished.
    InFlight,
    ReasonRequired,
}
