using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Pcmd.Web.Features.Users.Sessions;

/// <summary>Ties the sign-in cookie to a <see cref="UserSession"/>: signing in starts one, every request checks it, signing
/// out ends it. The session id is kept in the cookie's authentication properties rather than in a claim, because a refresh
/// of the claims (<see cref="SignInManager{TUser}.RefreshSignInAsync"/>) keeps the properties and rebuilds the claims.</summary>
public static class SessionCookie
{
    public const string SessionKey = "pcmd.sid";

    /// <summary>The current request's session id, once its cookie has been checked.</summary>
    public static string? SessionId(this HttpContext ctx) => ctx.Items[SessionKey] as string;

    static string? Stamp(HttpContext http, ClaimsPrincipal? principal) =>
        principal?.FindFirstValue(http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);

    public static void Attach(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = async ctx =>
        {
            // A refresh (new claims after a change to one's own account) keeps its session.
            if (ctx.Properties.Items.TryGetValue(SessionKey, out var existing) && !string.IsNullOrEmpty(existing)) return;
            var userId = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? throw new InvalidOperationException("A sign-in without a user id.");
            var id = await ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>().Start(userId, Stamp(ctx.HttpContext, ctx.Principal));
            ctx.Properties.Items[SessionKey] = id;
            ctx.HttpContext.Items[SessionKey] = id;
        };
        // Identity's security-stamp validator is replaced, not chained: SessionStore checks the stamp from memory.
        events.OnValidatePrincipal = async ctx =>
        {
            var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            ctx.Properties.Items.TryGetValue(SessionKey, out var id);
            var userId = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            // A cookie from before sessions existed has no session: it is refused like an ended one.
            if (id is null || userId is null || !await store.Use(id, userId, Stamp(ctx.HttpContext, ctx.Principal)))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            ctx.HttpContext.Items[SessionKey] = id;
        };
        events.OnSigningOut = async ctx =>
        {
            if (ctx.HttpContext.SessionId() is { } id)
            {
                await ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>().End(id, SessionEnd.SignedOut);
                ctx.HttpContext.Items.Remove(SessionKey);
            }
        };
    }
}
