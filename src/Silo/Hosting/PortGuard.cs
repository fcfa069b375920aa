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
    /// <summary>
    /// Fails the start when a web address it is told to listen on (<c>--urls</c>, <c>ASPNETCORE_URLS</c>)
    /// already has a listener. Kestrel binds only after Orleans has started: a silo on a taken address
    /// joined the cluster and hosted grains for ~11 s before it gave up. The probe takes address reuse,
    /// as Kestrel does on Linux, so a port a stopped process left in TIME_WAIT is not refused; only a
    /// listener is. Host names other than localhost are left to Kestrel.
    /// </summary>
    public static void EnsureWebAddressesFree(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Port <= 0
                || !(IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) || (uri.IsLoopback && (address = IPAddress.Loopback) is not null)))
            {
                continue;
            }

            try
            {
                using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                probe.Bind(new IPEndPoint(address, uri.Port));
                probe.Listen();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new ConfigurationError(
                    $"The web address {url} (--urls or ASPNETCORE_URLS) is already in use: another process listens there; give this one its own.", e);
            }
        }
    }

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
