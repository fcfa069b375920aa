using System.Net;
using System.Net.Sockets;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;

namespace CxLive.Tests.Unit.Hosting;

public sealed class PortGuardTests
{
    [Fact]
    public void A_port_another_process_listens_on_stops_the_start_and_names_the_setting()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // as Orleans binds
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        var refused = Assert.Throws<ConfigurationError>(() => PortGuard.EnsureFree(port, "Orleans:Endpoints:SiloPort"));
        Assert.Contains($"Port {port} (Orleans:Endpoints:SiloPort) is already in use", refused.Message);
        Assert.Contains("Orleans__Endpoints__SiloPort=<port>", refused.Message);
    }

    [Fact]
    public void A_free_port_passes()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        PortGuard.EnsureFree(port, "Orleans:Endpoints:GatewayPort");
    }
}
