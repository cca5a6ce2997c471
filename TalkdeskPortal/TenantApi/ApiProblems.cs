namespace TalkdeskPortal.TenantApi;

/// <summary>The tenant API's problem+json answers.</summary>
public static class ApiProblems
{
    public static IResult TenantNotFound(string accountId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant not found",
            detail: $"No tenant has the Talkdesk account id '{accountId}'.");

    public static IResult UserNotFound(string userId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
            detail: $"No tenant maps the Talkdesk user id '{userId}'.");

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    public static IResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The settings were not saved",
            detail: string.Join(" ", errors.Take(5).Select(e => $"{e.Key}: {e.Value[0]}")) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""));
}
