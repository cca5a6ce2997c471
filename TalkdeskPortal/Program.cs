using TalkdeskPortal.Components;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddTalkdesk();
builder.AddWebhooks();
builder.AddLifecycle();
builder.AddSandbox();
builder.AddPortalUi();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.MapWebhooks();
app.MapLifecycle();
app.MapSandbox();
app.MapPortalUi();

app.Run();

public partial class Program;
