using Pcmd.Web.Components;
using Pcmd.Web.Data;
using Pcmd.Web.Features;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

var builder = WebApplication.CreateBuilder(ReleaseLayout.Options(args));
if (args.Contains("--print-schema")) { SchemaScript.Print(builder, args); return; }

builder.AddPcmdPlatform();
builder.AddPcmdMetrics();
builder.AddPcmdDatabase();
builder.AddPcmdIdentity();
builder.AddPcmdSecurity();
builder.Services.AddPcmdFeatures();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();

var app = builder.Build();
app.UsePcmdPlatform();
app.UseSignInLimits();
app.UseReadYourWrites();
app.MapPcmdMetrics();
app.MapPcmdApis();
app.MapStaticAssets();
app.MapRazorComponents<App>();
if (args.Contains("--print-openapi")) { await OpenApiSetup.Print(app); return; }
await app.PrepareDatabase();
if (args.Contains("--run-job"))
{
    // An operator's one pass of a scheduled job, then exit (only the reminders so far).
    if (args.SkipWhile(a => a != "--run-job").Skip(1).FirstOrDefault() != "report-reminders") { Console.Error.WriteLine("--run-job report-reminders [--day yyyy-MM-dd]"); return; }
    await Pcmd.Web.Features.Reporting.ReportReminders.Command(app.Services, args);
    return;
}
app.Run();

public partial class Program;
