using System.Net;
using System.Text;
using CxLive.Dashboard.Ingestion;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Operations;

/// <summary>Stopping a process (SIGTERM, a deploy) while an integrator's batch is half sent: the batch is finished and answered, new ones are turned away.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_batch_in_flight_when_stopping_begins_is_finished_and_answered_and_new_batches_get_503()
    {
        var app = new CxLiveApp();
        using var http = app.CreateHttpClient();
        var inFlight = app.Services.GetRequiredService<InFlightBatches>();
        var customer = NewCustomer();
        var batch = Enumerable.Range(0, 50).Select(n => FailedSearch(customer, DateTimeOffset.UtcNow.AddSeconds(n - 120))).ToArray();
        var rest = new TaskCompletionSource();
        var sending = http.PostAsync("api/interactions", new HalfThenWait(Encoding.UTF8.GetBytes(Json(batch)), rest.Task) { Headers = { ContentType = new("application/json") } });

        // The server is reading it; now the process is told to stop.
        await Eventually.TrueAsync(() => Task.FromResult(inFlight.Count == 1), TimeSpan.FromSeconds(10), "the batch to be in flight");
        var stopping = Task.Run(() => app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
        await Eventually.TrueAsync(async () => (await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10), "readiness to drop");

        var turnedAway = await http.PostAsync("api/interactions", Body(FailedSearch(NewCustomer(), DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, turnedAway.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), turnedAway.Headers.RetryAfter?.Delta);

        rest.SetResult();
        var answered = await sending;
        Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        Assert.Equal(50, (int)(await ReadObject(answered))["accepted"]!); // recorded by the customer grain before the silo stopped
        await stopping;
        app.Dispose();
    }

    /// <summary>A body sent in two halves, the second only when told: a batch caught mid-upload.</summary>
    private sealed class HalfThenWait(byte[] body, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync(body.AsMemory(body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false; // chunked: each half goes out as it is written
        }
    }
}
