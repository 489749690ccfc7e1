using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Users.Sessions;

/// <summary>Makes an ending of sessions (logout, lock, new password, new role or unit) immediate on every node: the node that
/// ends them sends the user's id on the PostgreSQL channel <c>pcmd_sessions</c> (<see cref="ClusterListener"/>) and every node,
/// this one included, re-reads that user's cached sessions from the database on their next use. The payload is the user id
/// only, never a session id. While the listener's connection is down a node cannot hear; so it forgets every cached session
/// each time it (re)connects, and until then the once-a-minute check (<see cref="UserSessionOptions.TouchSeconds"/>) still
/// catches an ending.</summary>
public sealed class SessionListener(SessionStore store) : IClusterSignal
{
    public const string Channel = "pcmd_sessions";

    public static Task Publish(PcmdDbContext db, string userId) => ClusterListener.Publish(db, Channel, userId);

    public string ChannelName => Channel;
    public void Heard(string payload) => store.Reload(payload);
    public void Reconnected() => store.ReloadAll();
}
