// The baseline for the intake benchmark: the same Kestrel, reads the body, answers 202. Nothing else.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapPost("/webhooks/talkdesk", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    return Results.StatusCode(StatusCodes.Status202Accepted);
});

app.Run();
