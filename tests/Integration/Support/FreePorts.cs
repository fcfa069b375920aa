using System.Net;
using System.Net.Sockets;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Loopback ports for the servers the tests start. They are taken below the kernel's ephemeral
/// range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>, 32768–60999 on Linux): a port the OS hands
/// out for "port 0" is also free for any outgoing connection to take in the seconds before the
/// child process binds it, and CI once lost a silo to exactly that ("address already in use").
/// Each test run starts at a random place in the range and counts up, so parallel test classes,
/// and other runs on the machine, do not hand out the same port twice.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;
    private static readonly int Highest = EphemeralStart() - 1;
    private static int _next = Random.Shared.Next(Lowest, Highest);

    /// <summary>A loopback port nothing listens on right now, outside the ephemeral range.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > Highest)
            {
                Interlocked.CompareExchange(ref _next, Lowest, port);
                continue;
            }

            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port between {Lowest} and {Highest}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return Math.Max(Lowest + 1000, int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32_768;
        }
    }
}
