namespace Pcmd.Web.Features.Audit;

/// <summary>The audit trail is written by the DbContext on every save (AuditRecorder); this feature only reads it.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditQuery>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        AuditApi.Map(app.MapGroup("/api/v1/audit").WithTags("Nhật ký").RequireAuthorization());
        return app;
    }
}
