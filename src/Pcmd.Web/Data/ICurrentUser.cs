namespace Pcmd.Web.Data;

/// <summary>Who is making a change, for the audit trail.</summary>
public interface ICurrentUser
{
    string? UserName { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public string? UserName => accessor.HttpContext?.User.Identity?.Name ?? SystemUser.Name;
}

/// <summary>Changes made at start-up (schema, demo data) are recorded as the system's.</summary>
public static class SystemUser
{
    public const string Name = "system";
}
