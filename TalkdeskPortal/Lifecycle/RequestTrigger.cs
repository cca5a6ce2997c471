namespace TalkdeskPortal.Lifecycle;

/// <summary>What happened to a request; <see cref="RequestTransitions"/> says where each trigger may take it.</summary>
public enum RequestTrigger
{
    Start,
    Refuse,
    Finish,
    AutoApprove,
    NeedStaff,
    StaffApprove,
    StaffReject,
    Approved,
    Rejected,
    WaitForInstall,
    Supersede,
    TransientFailure,
    Resume,
    PermanentFailure,
    StaffRetry,
    Settle,
    Expire,
    AskProduct,
    ProductAccepted,
    ProductRefused,
}
