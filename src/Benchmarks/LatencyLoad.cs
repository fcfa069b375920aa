using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Alerts;
using HdrHistogram;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Benchmarks;

/// <summary>
/// Detection latency as a wall client sees it: ordinary traffic at a fixed rate, sent open-loop (a
/// batch leaves on schedule whether or not earlier ones were answered), and in every batch one
/// probe, a detractor survey of a new customer that raises an alert at once. Latency is from the
/// batch's scheduled send time (not its actual one, so a stalled server cannot hide its stall:
/// no coordinated omission) to <c>alertRaised</c> for that customer on a SignalR client. Recorded
/// in an HdrHistogram, in microseconds.
/// </summary>
public static class LatencyLoad
{
    public static async Task<int> RunAsync(Uri url, int rate, int seconds, int batchSize)
    {
        var pending = new ConcurrentDictionary<string, long>(); // probe customer -> scheduled timestamp
        var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
        var clock = Stopwatch.StartNew();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "hubs/cx"))
            .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions))
            .Build();
        hub.On<Alert>("alertRaised", alert =>
        {
            if (alert.CustomerId is { } customer && pending.TryRemove(customer, out var scheduled))
            {
                lock (histogram)
                {
                    histogram.RecordValue((clock.ElapsedTicks - scheduled) * 1_000_000 / Stopwatch.Frequency);
                }
            }
        });
        await hub.StartAsync();
        await hub.InvokeAsync<object>("SubscribeWall", null);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = url };
        var traffic = LoadTraffic.Interactions(10_000).GetEnumerator();
        var run = Guid.NewGuid().ToString("N")[..6];
        var interval = TimeSpan.FromSeconds((double)batchSize / rate);
        var batches = (int)(seconds / interval.TotalSeconds);
        var sends = new List<Task>(batches);
        var errors = 0;
        var start = clock.Elapsed;
        for (var i = 0; i < batches; i++)
        {
            var due = start + (interval * i);
            await UntilAsync(clock, due);

            var probe = $"probe-{run}-{i}";
            var body = new List<Interaction>(batchSize) { LoadTraffic.Detractor(probe, $"{run}-p{i}", "survey/latency-probe") };
            for (var n = 1; n < batchSize && traffic.MoveNext(); n++)
            {
                body.Add(traffic.Current);
            }

            pending[probe] = (long)(due.TotalSeconds * Stopwatch.Frequency);
            sends.Add(SendAsync(http, body).ContinueWith(t => { if (t.IsFaulted) Interlocked.Increment(ref errors); }, TaskScheduler.Default));
        }

        await Task.WhenAll(sends);
        var waitedFor = Stopwatch.StartNew();
        while (!pending.IsEmpty && waitedFor.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        double P(double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
        Console.WriteLine(
            $"latency: {rate} events/s in batches of {batchSize} for {seconds} s; {histogram.TotalCount} of {batches} probes measured, {pending.Count} never arrived, {errors} requests failed; " +
            $"p50 {P(50):F1} ms, p90 {P(90):F1} ms, p99 {P(99):F1} ms, p99.9 {P(99.9):F1} ms, max {histogram.GetMaxValue() / 1000.0:F1} ms");
        return 0;
    }


    /// <summary>
    /// Waits until <paramref name="due"/>, never less: <c>Task.Delay</c> counts whole milliseconds
    /// and truncates, so a batch could leave up to 1 ms early and its alert arrive "before" it was
    /// due (a negative latency the histogram refuses: such probes were lost until 2026-11-29).
    /// </summary>
    private static async Task UntilAsync(Stopwatch clock, TimeSpan due)
    {
        var left = due - clock.Elapsed;
        if (left >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Floor(left.TotalMilliseconds)));
        }

        var spin = new SpinWait();
        while (clock.Elapsed < due)
        {
            spin.SpinOnce();
        }
    }

    private static async Task SendAsync(HttpClient http, List<Interaction> body)
    {
        using var response = await IngestHttp.PostAsync(http, body);
        response.EnsureSuccessStatusCode();
    }
}
