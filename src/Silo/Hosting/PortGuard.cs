using System.Net;
using System.Net.Sockets;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;

namespace CxLive.Silo.Hosting;

/// <summary>
/// Fails the start with a clear message when a silo or gateway port is taken. Orleans binds its
/// ports with address reuse, so on Linux a second silo on the same port starts without an error
/// and the two then reject each other's messages; better to refuse at once.
/// </summary>
public static class PortGuard
{
    public static void EnsureFree(int port, string setting)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigurationError(
                $"Port {port} ({setting}) is already in use, probably by another CxLive silo on this machine. " +
                $"Give each process its own port: --{setting}=<port> (or {setting.Replace(":", "__")}=<port>).", e);
        }
    }
}
