using Pcmd.Web.Components;
using Pcmd.Web.Data;
using Pcmd.Web.Features;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Shared;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("--print-schema")) { SchemaScript.Print(builder, args); return; }

builder.AddPcmdPlatform();
builder.AddPcmdDatabase();
builder.AddPcmdIdentity();
builder.Services.AddPcmdFeatures();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UsePcmdPlatform();
app.MapPcmdApis();
app.MapStaticAssets();
app.MapRazorComponents<App>();
await app.PrepareDatabase();
app.Run();

public partial class Program;
