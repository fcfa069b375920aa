using Microsoft.Playwright;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// A page's hub connection routed through the test, set up before the page loads: <see cref="Socket"/>
/// is its current WebSocket (to send it SignalR's close message, as a server does when it ends a
/// connection), and every state the header's pill goes through, however briefly, is kept.
/// </summary>
public sealed class RoutedHub
{
    /// <summary>SignalR's close message: the client stops, and the page starts a new connection.</summary>
    public const string Close = "{\"type\":7}\u001e";

    /// <summary>SignalR's close message with leave to reconnect: the client reconnects by itself.</summary>
    public const string CloseAndReconnect = "{\"type\":7,\"allowReconnect\":true}\u001e";

    private readonly IPage _page;

    private RoutedHub(IPage page) => _page = page;

    /// <summary>The page's WebSocket to the hub now (a new one after each reconnect).</summary>
    public IWebSocketRoute? Socket { get; private set; }

    public static async Task<RoutedHub> OnAsync(IPage page)
    {
        var hub = new RoutedHub(page);
        await page.RouteWebSocketAsync("**/hubs/cx*", ws =>
        {
            ws.ConnectToServer();
            hub.Socket = ws;
        });
        await page.AddInitScriptAsync("""
            window.cxStates = [];
            new MutationObserver(changes => { for (const c of changes) if (c.target.id === "connection") window.cxStates.push(c.target.dataset.state); })
              .observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
            """);
        return hub;
    }

    /// <summary>Sends <paramref name="message"/> down the current socket, and waits until the pill has said <paramref name="state"/> and is live again on another socket.</summary>
    public async Task DropAndBackAsync(string message, string state)
    {
        var before = Socket!;
        var seen = await _page.EvaluateAsync<int>("window.cxStates.length");
        before.Send(message);
        await _page.WaitForFunctionAsync(
            "([state, n]) => window.cxStates.slice(n).includes(state) && document.getElementById('connection').dataset.state === 'live'",
            new object[] { state, seen }, new() { Timeout = 15_000 });
        Assert.NotSame(before, Socket);
    }
}
