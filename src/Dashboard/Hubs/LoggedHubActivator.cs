using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// Creates a hub for each call as SignalR's own activator does (from DI when registered, else with
/// its constructor's services), and logs a failure to create it as an error. SignalR's dispatcher,
/// which logged that failure, is turned down with the client mistakes it also logged
/// (<see cref="HubCallsLogged"/>), and a failure here comes before any hub filter sees the call: a
/// hub that cannot be created fails every call, and must not fail them in silence.
/// </summary>
public sealed class LoggedHubActivator<THub>(IServiceProvider services, ILogger<LoggedHubActivator<THub>> logger) : IHubActivator<THub>
    where THub : Hub
{
    private static readonly ObjectFactory Construct = ActivatorUtilities.CreateFactory(typeof(THub), Type.EmptyTypes);
    private bool _constructed;

    public THub Create()
    {
        try
        {
            if (services.GetService<THub>() is { } registered)
            {
                return registered;
            }

            _constructed = true;
            return (THub)Construct(services, []);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not create the hub {Hub} for a call: every call to it fails the same way", typeof(THub).Name);
            throw;
        }
    }

    /// <summary>Disposes a hub it constructed; one from DI is the container's to dispose.</summary>
    public void Release(THub hub)
    {
        if (_constructed)
        {
            hub.Dispose();
        }
    }
}
