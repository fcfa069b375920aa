using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// The whole CxLive process (silo, APIs, hub, pages) on a real Kestrel port, exactly as
/// <c>dotnet run</c> starts it, with its own free silo and gateway ports so several can run at once.
/// </summary>
public sealed class CxLiveApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly bool _keepLogs;

    /// <param name="clock">The clock of the whole app, grains included (a FakeTimeProvider for tests that play days); the system clock when null.</param>
    /// <param name="port">The web port; a free one when 0 (another value restarts an app where its pages are still open).</param>
    /// <param name="keepLogs">Keep every line the app logs, as its console shows them, in <see cref="Logs"/>.</param>
    public CxLiveApp(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null, int port = 0, bool keepLogs = false)
    {
        _clock = clock;
        _keepLogs = keepLogs;
        _settings = new()
        {
            ["Orleans:Endpoints:SiloPort"] = FreePort().ToString(),
            ["Orleans:Endpoints:GatewayPort"] = FreePort().ToString(),
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            // Each app its own meter: exporters find meters by name process-wide (TelemetryOptions).
            ["Telemetry:MeterName"] = "CxLive.test-" + Guid.NewGuid().ToString("N")[..8],
            // Many tests share one app and its three agents and report few of their prompts: room
            // for all of them. A test about capacity gives its own app a small one.
            ["Outreach:Capacity"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(port);
        StartServer();
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>What the app logged, through the same level filters as its console (made with <c>keepLogs</c>).</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_keepLogs)
        {
            builder.ConfigureLogging(logging => logging.AddFakeLogging());
        }

        if (_clock is not null)
        {
            // Orleans times calls out on the same clock: a test that jumps days would fail every call
            // in flight ("Response did not arrive on time"). Calls here wait as long as any test jumps.
            builder.ConfigureServices(services => services.AddSingleton(_clock)
                .Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(400)));
        }
    }

    /// <summary>Stops the app; with a fake clock, with time running on (<see cref="ClockRunsOn"/>).</summary>
    public override async ValueTask DisposeAsync()
    {
        if (_clock is not FakeTimeProvider fake)
        {
            await base.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await ClockRunsOn.WhileAsync(fake, () => base.DisposeAsync().AsTask()).ConfigureAwait(false);
    }

    private static int FreePort() => FreePorts.Next();
}

/// <summary>One app shared by the API and end-to-end tests; each test uses its own customer ids.</summary>
public sealed class AppFixture : IDisposable
{
    public CxLiveApp App { get; } = new();

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
