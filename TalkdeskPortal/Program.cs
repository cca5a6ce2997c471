using TalkdeskPortal.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalUi();

var app = builder.Build();

app.MapPortalUi();

app.Run();

public partial class Program;
