using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Security;

/// <summary>Builds the <see cref="UserScope"/> of the request's user once and keeps it for the request.</summary>
public sealed class CurrentScope(IHttpContextAccessor http, OrgUnitTree tree)
{
    UserScope? _scope;

    public async Task<UserScope> Get() =>
        _scope ??= http.HttpContext is { } ctx ? await UserScope.Build(ctx.User, tree) : UserScope.Anonymous;
}
