using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CxLive.Contracts.Journeys;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// An integrator that sends one interaction at a time, steadily, over HTTP, as the ingest contract
/// asks: a <c>503</c> is sent again after its <c>Retry-After</c>, a refused connection goes to the
/// next address. Every answer is recorded, so a test can say what integrators saw, and every id
/// ends acknowledged (<c>202</c>), so a test can count exactly what must be stored.
/// </summary>
public sealed class SteadyIntegrator(IReadOnlyList<Func<HttpClient>> targets, TimeSpan every, int customers = 20)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly ConcurrentDictionary<string, int> _acknowledged = new();
    private int _target;

    public record Answer(HttpStatusCode? Status, bool RetryAfter, TimeSpan Took, DateTimeOffset At, string? Error);

    public IReadOnlyCollection<Answer> Answers => _answers;

    /// <summary>Ids acknowledged with 202, per customer.</summary>
    public IReadOnlyDictionary<string, int> Acknowledged => _acknowledged;

    public string Touchpoint => "web/steady-" + _run;

    /// <summary>Sends until <paramref name="stop"/>; the id being sent when it fires is still sent until acknowledged.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var customer = $"steady-{_run}-{n % customers}";
            var interaction = Interactions.Make(customer, DateTimeOffset.UtcNow, InteractionTypes.PageView, Touchpoint, id: $"{_run}-{n}");
            await SendUntilAcknowledgedAsync(interaction);
            _acknowledged.AddOrUpdate(customer, 1, (_, c) => c + 1);
            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task SendUntilAcknowledgedAsync(Interaction interaction)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var http = targets[_target % targets.Count]();
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync("api/interactions", Wire.Body(interaction));
                var retryAfter = response.Headers.RetryAfter?.Delta;
                _answers.Enqueue(new(response.StatusCode, retryAfter is not null, Stopwatch.GetElapsedTime(started), DateTimeOffset.UtcNow, null));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return;
                }

                _target++; // another address may answer sooner
                await Task.Delay(retryAfter is { } wait && wait < TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1));
            }
            catch (HttpRequestException e)
            {
                // Nothing listening (a silo between stop and start): what a load balancer would route around.
                _answers.Enqueue(new(null, false, Stopwatch.GetElapsedTime(started), DateTimeOffset.UtcNow, e.Message));
                _target++;
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"interaction {interaction.Id} was not acknowledged within 2 minutes");
    }
}
