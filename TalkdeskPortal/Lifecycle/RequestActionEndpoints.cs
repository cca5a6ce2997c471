using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using TalkdeskPortal.Staff;

namespace TalkdeskPortal.Lifecycle;

/// <summary>
/// Form posts for staff decisions, for scripts and for a browser without the interactive page; the dashboard
/// buttons call the same services. Every one needs an anti-forgery token (form field or
/// <c>RequestVerificationToken</c> header) and a role the account still holds.
/// </summary>
public static class RequestActionEndpoints
{
    public static IEndpointRouteBuilder MapRequestActions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/requests/{id:long}")
            .RequireAuthorization(StaffRoles.CanDecide)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RequireAntiforgeryAsync)
            .AddEndpointFilter(RequireRoleStillHeldAsync);
        group.MapPost("/approve", async (long id, HttpContext http, ApprovalService approvals) =>
            ToResult(await approvals.ApproveAsync(id, Actor(http))));
        group.MapPost("/reject", async (long id, [FromForm] string? reason, HttpContext http, ApprovalService approvals) =>
            ToResult(await approvals.RejectAsync(id, Actor(http), reason ?? "")));
        group.MapPost("/retry", async (long id, HttpContext http, RequestRetry retry) =>
            await retry.RetryAsync(id, Actor(http)) ? Results.Accepted() : Results.Problem(statusCode: 409, title: "Not failed", detail: "Only a Failed request can be retried."));
        return app;
    }

    public static string Actor(HttpContext http) => http.User.Identity?.Name ?? "staff";

    // The antiforgery middleware only records its verdict; form binding acts on it, an endpoint without a form
    // would not. So the group checks the verdict itself (or validates, if the middleware did not run).
    internal static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var valid = http.Features.Get<IAntiforgeryValidationFeature>()?.IsValid
                    ?? await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        return valid ? await next(context) : Results.Problem(statusCode: 400, title: "Anti-forgery token missing or invalid");
    }

    // The cookie's roles can be minutes old; the account's are not.
    private static async ValueTask<object?> RequireRoleStillHeldAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var action = $"{http.Request.Method} {http.Request.Path}";
        var actor = await http.RequestServices.GetRequiredService<StaffAccess>().ActorAsync(http.User, action, StaffRoles.Approver, StaffRoles.Admin);
        return actor is null
            ? Results.Problem(statusCode: 403, title: "Role no longer held", detail: "Your account no longer has a role that decides requests.")
            : await next(context);
    }

    private static IResult ToResult(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Accepted => Results.Accepted(),
        DecisionOutcome.NotFound => Results.Problem(statusCode: 404, title: "No such request"),
        DecisionOutcome.ReasonRequired => Results.Problem(statusCode: 400, title: "Reason required", detail: "A rejection needs a reason; Talkdesk shows it to the customer."),
        DecisionOutcome.Expired => Results.Problem(statusCode: 409, title: "Expired", detail: "Talkdesk's 7-day window has closed; nothing was sent."),
        DecisionOutcome.FirstRecorded => Results.Accepted(value: new { outcome = "waiting-for-second-approver" }),
        DecisionOutcome.SameApprover => Results.Problem(statusCode: 409, title: "Same approver",
            detail: "You gave the first decision; a different person must give the second. Nothing changed."),
        DecisionOutcome.ChangedMeanwhile => Results.Problem(statusCode: 409, title: "Changed meanwhile",
            detail: "Someone else decided at the same moment; nothing of yours was recorded. Look at the request again."),
        _ => Results.Problem(statusCode: 409, title: "Not awaiting a decision", detail: "The request is not waiting for staff."),
    };
}
