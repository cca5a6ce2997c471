using TalkdeskPortal.Components;
using TalkdeskPortal.Dashboard;
using TalkdeskPortal.Data;
using TalkdeskPortal.Lifecycle;
using TalkdeskPortal.Notifications;
using TalkdeskPortal.Operations;
using TalkdeskPortal.Product;
using TalkdeskPortal.Sandbox;
using TalkdeskPortal.Staff;
using TalkdeskPortal.Talkdesk;
using TalkdeskPortal.TenantApi;
using TalkdeskPortal.Tenants.Reconciliation;
using TalkdeskPortal.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalData();
builder.AddOperations();
builder.AddStaffSignIn();
builder.AddTalkdesk();
builder.AddWebhooks();
builder.AddLifecycle();
builder.AddProductBridge();
builder.AddReconciliation();
builder.AddNotifications();
builder.AddTenantApi();
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
app.MapNotifications();
app.MapTenantApi();
app.MapSandbox();
app.MapPortalUi();

app.Run();

public partial class Program;
