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
    private readonly Waiters<Answer> _waiters = new();
    private int _target;


    public record Answer(HttpStatusCode? Status, bool RetryAfter, TimeSpan Took, DateTimeOffset At, string? Error);

    public IReadOnlyCollection<Answer> Answers => _answers;

    /// <summary>Ids acknowledged with 202, per customer.</summary>
    public IReadOnlyDictionary<string, int> Acknowledged => _acknowledged;

    public string Touchpoint => "web/steady-" + _run;

    /// <summary>
    /// Completes once <paramref name="count"/> more answers like <paramref name="what"/> have come:
    /// a test lets traffic run for an amount of work done (so many ids acknowledged, so many 503s
    /// while Redis is paused), not for a number of seconds a slow machine may not fill.
    /// </summary>
    public Task AnsweredAsync(Func<Answer, bool> what, int count, TimeSpan timeout) => _waiters.WaitAsync(what, count, timeout);

    /// <summary>Completes once <paramref name="count"/> more ids have been acknowledged (202).</summary>
    public Task AcknowledgedAsync(int count, TimeSpan timeout) => AnsweredAsync(a => a.Status == HttpStatusCode.Accepted, count, timeout);

    /// <summary>Sends until <paramref name="stop"/>; the id being sent when it fires is still sent until acknowledged.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await SendAsync(stop);
        }
        catch (Exception e)
        {
            _waiters.Fail(e); // a test waiting for answers hears why none will come

            throw;
        }
    }

    private async Task SendAsync(CancellationToken stop)
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
                Record(new(response.StatusCode, retryAfter is not null, Stopwatch.GetElapsedTime(started), DateTimeOffset.UtcNow, null));
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
                Record(new(null, false, Stopwatch.GetElapsedTime(started), DateTimeOffset.UtcNow, e.Message));
                _target++;
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"interaction {interaction.Id} was not acknowledged within 2 minutes");
    }

    private void Record(Answer answer)
    {
        _answers.Enqueue(answer);
        _waiters.Observe(answer);
    }
}
