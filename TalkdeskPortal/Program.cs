using TalkdeskPortal.Backups;
using TalkdeskPortal.Components;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Data;
using TalkdeskPortal.Data.PostgreSql;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Product;
using TalkdeskPortal.Retention;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.TenantApi;
using TalkdeskPortal.Tenants.Reconciliation;
using TalkdeskPortal.Webhooks;

// `restore --from FILE`: a command on the same binary that ends before any host is built.
if (RestoreCommand.IsRequested(args)) return await RestoreCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddScaleOut();
builder.AddOperations();
builder.AddStaffSignIn();
builder.AddTalkdesk();
builder.AddWebhooks();
builder.AddLifecycle();
builder.AddProductBridge();
builder.AddReconciliation();
builder.AddBackups();
builder.AddNotifications();
builder.AddTenantApi();
builder.AddRetention();
builder.AddDashboard();
builder.AddSandbox();
builder.AddPortalUi();

var app = builder.Build();

await app.MigrateDatabaseAsync();
await app.SeedStaffAsync();
await app.LoadPolicyAsync();

app.MapOperations();
app.MapStaffAccount();
app.MapWebhooks();
app.MapLifecycle();
app.MapProductBridge();
app.MapReconciliation();
app.MapBackups();
app.MapNotifications();
app.MapTenantApi();
app.MapRetention();
app.MapSandbox();
app.MapPortalUi();

app.Run();
return 0;

public partial class Program;
