using System.Collections.Concurrent;
using System.Security.Claims;
using CxLive.Dashboard.Operations;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The hub connections of signed-in people, and who each one is. A page's connection stays open all
/// shift, and the cookie is checked only when it connects: when a settings save drops a person
/// signed in at <c>/login</c>, changes their password or their roles (<see cref="LocalSessions"/>),
/// their connections are closed. The page reconnects at once as the cookie now allows: with the
/// new roles, or signed out. (<see cref="AgentCustomerAccess"/> asks who a connection is.)
/// </summary>
public sealed class SignedInConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private readonly SecuritySettings _settings;
    private readonly ILogger<SignedInConnections> _logger;

    public SignedInConnections(SecuritySettings settings, ILogger<SignedInConnections> logger)
    {
        (_settings, _logger) = (settings, logger);
        _settings.Changed += CloseThoseNoLongerAllowed;
    }

    public void Dispose() => _settings.Changed -= CloseThoseNoLongerAllowed;

    public void Opened(HubCallerContext context)
    {
        if (context.User?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        _open[context.ConnectionId] = context;
        // Its cookie was read before a save this one did not hear of: held to the settings now, as the sweep holds the rest.
        if (!ReferenceEquals(LocalSessions.AsNow(context.User, _settings.Current), context.User))
        {
            _open.TryRemove(context.ConnectionId, out _);
            context.Abort();
        }
    }

    /// <summary>Who opened the connection, while it is open.</summary>
    public ClaimsPrincipal? UserOf(string connectionId) => _open.TryGetValue(connectionId, out var context) ? context.User : null;

    public void Closed(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    private void CloseThoseNoLongerAllowed()
    {
        var current = _settings.Current;
        foreach (var context in _open.Values)
        {
            if (!ReferenceEquals(LocalSessions.AsNow(context.User!, current), context.User))
            {
                _logger.LogInformation("Closing {User}'s live connection: the security settings changed who they are or whether they may sign in", LogText.Safe(context.User!.Identity!.Name));
                _open.TryRemove(context.ConnectionId, out _);
                context.Abort();
            }
        }
    }
}
