using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CxLive.Client;
using CxLive.Dashboard.Ingestion;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxLive.Tests.Integration.Client;

/// <summary>
/// The .NET client library against a real CxLive on Kestrel (and, for retries, a flaky server in
/// front of it): what an integrator's service sees. Time that the client waits runs on a fake clock.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CxLiveClientTests(AppFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly WatchedClock _clock = new(DateTimeOffset.UtcNow);
    private readonly string _customer = Interactions.NewCustomer();

    private CxInteraction Search(string? id = null, string? customer = null) => new()
    {
        Id = id,
        CustomerId = customer ?? _customer,
        Timestamp = DateTimeOffset.UtcNow.AddSeconds(-5),
        Channel = CxChannel.Web,
        Touchpoint = "web/search",
        Type = CxTypes.Search,
        Score = 3,
    };

    /// <summary>A client whose HTTP requests reach <paramref name="address"/>; every batch it sends is written to <paramref name="batches"/>.</summary>
    private CxLiveClient Client(Uri address, Channel<int>? batches = null, int maxBatchSize = 500, TimeSpan? linger = null)
    {
        var http = new HttpClient(new BatchSizes(batches)) { BaseAddress = address };
        return CxLiveClient.Create(new CxLiveClientOptions { MaxBatchSize = maxBatchSize, LingerTime = linger ?? TimeSpan.FromHours(1) }, http, _clock);
    }

    /// <summary>A fake clock that says when a timer is armed on it: a test moves it on once the client waits, not in a loop of guesses.</summary>
    private sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public Channel<TimeSpan> Armed { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new Watched(base.CreateTimer(callback, state, dueTime, period), Armed.Writer);
            timer.Change(dueTime, period);
            return timer;
        }

        /// <summary>A timeout arms its timer after creating it (<see cref="CancellationTokenSource"/> does), so arming is watched on Change.</summary>
        private sealed class Watched(ITimer timer, ChannelWriter<TimeSpan> armed) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                var changed = timer.Change(dueTime, period);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    armed.TryWrite(dueTime);
                }

                return changed;
            }

            public void Dispose() => timer.Dispose();

            public ValueTask DisposeAsync() => timer.DisposeAsync();
        }
    }

    private async Task<long> RecordedAsync(string? customer = null)
    {
        using var http = fixture.App.CreateHttpClient();
        var response = await http.GetAsync($"api/customers/{customer ?? _customer}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("interactionCount").GetInt64() : 0;
    }

    [Fact]
    public async Task Batches_are_sent_when_full_and_when_their_first_interaction_has_lingered()
    {
        var batches = Channel.CreateUnbounded<int>();
        await using var client = Client(fixture.App.BaseAddress, batches, maxBatchSize: 3, linger: TimeSpan.FromSeconds(2));

        for (var i = 0; i < 7; i++)
        {
            await client.EnqueueAsync(Search());
        }

        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal(3, await batches.Reader.ReadAsync(timeout.Token));
        Assert.Equal(3, await batches.Reader.ReadAsync(timeout.Token));
        Assert.False(batches.Reader.TryRead(out _)); // the seventh waits for company...
        for (var batch = 1; batch <= 3; batch++)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), await _clock.Armed.Reader.ReadAsync(timeout.Token)); // each batch waits at most its linger
        }

        _clock.Advance(TimeSpan.FromSeconds(2)); // ...until it has lingered 2 s (on the client's clock)
        Assert.Equal(1, await batches.Reader.ReadAsync(timeout.Token));
        await client.FlushAsync(timeout.Token);
        Assert.Equal(7, client.Accepted);
        Assert.Equal(7, await RecordedAsync());
    }

    [Fact]
    public async Task Network_errors_429_and_503_are_retried_honouring_retry_after_and_a_retry_after_a_lost_answer_is_a_duplicate()
    {
        await using var flaky = new FlakyServer(fixture.App.BaseAddress,
            new FlakyServer.Drop(), new FlakyServer.Status(429, 7), new FlakyServer.Status(503, 3), new FlakyServer.AnswerLost());
        await using var client = Client(flaky.BaseAddress);
        var retries = Channel.CreateUnbounded<CxRetry>();
        client.Retrying += r => { output.WriteLine(r.ToString()); retries.Writer.TryWrite(r); };
        using var timeout = new CancellationTokenSource(Patience);

        var sending = client.SendAsync([Search()], timeout.Token);

        var dropped = await retries.Reader.ReadAsync(timeout.Token);
        Assert.InRange(dropped.Delay, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)); // first backoff step, jittered
        _clock.Advance(dropped.Delay);
        var limited = await retries.Reader.ReadAsync(timeout.Token);
        Assert.Equal((2, TimeSpan.FromSeconds(7)), (limited.Attempt, limited.Delay));
        Assert.Contains("429", limited.Reason);
        _clock.Advance(limited.Delay);
        var unavailable = await retries.Reader.ReadAsync(timeout.Token);
        Assert.Equal((3, TimeSpan.FromSeconds(3)), (unavailable.Attempt, unavailable.Delay));
        _clock.Advance(unavailable.Delay);
        var lost = await retries.Reader.ReadAsync(timeout.Token);
        Assert.InRange(lost.Delay, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600)); // after the fourth try: 200 ms doubled three times, at least half of it
        _clock.Advance(lost.Delay);

        var result = await sending;
        Assert.Equal((0, 1), (result.Accepted, result.Duplicates)); // CxLive had it from the try whose answer was lost
        Assert.Equal(5, flaky.Requests);
        Assert.Equal(1, await RecordedAsync());
    }

    [Fact]
    public async Task A_batch_is_given_up_after_its_tries_and_reported_with_its_interactions()
    {
        await using var flaky = new FlakyServer(fixture.App.BaseAddress, new FlakyServer.Status(503, 1), new FlakyServer.Status(503, 1));
        var http = new HttpClient { BaseAddress = flaky.BaseAddress };
        await using var client = CxLiveClient.Create(new CxLiveClientOptions { MaxAttempts = 2, LingerTime = TimeSpan.FromHours(1) }, http, _clock);
        client.Retrying += r => _clock.Advance(r.Delay);
        var failures = Channel.CreateUnbounded<CxBatchFailure>();
        client.BatchFailed += f => failures.Writer.TryWrite(f);

        await client.EnqueueAsync(Search(id: "given-up-1"));
        await client.FlushAsync();

        var failure = await failures.Reader.ReadAsync(new CancellationTokenSource(Patience).Token);
        Assert.Equal("given-up-1", Assert.Single(failure.Interactions).Id);
        Assert.Contains("gave up after 2 tries", failure.Error.Message);
        Assert.Equal(1, client.Failed);
    }

    [Fact]
    public async Task Refused_items_are_reported_with_CxLives_reasons_and_the_good_ones_beside_them_kept()
    {
        await using var client = Client(fixture.App.BaseAddress);
        var rejections = new List<CxRejection>();
        client.Rejected += rejections.Add;

        await client.EnqueueAsync(Search() with { CustomerId = "bad\u0007customer", Id = "refused-1" });
        await client.EnqueueAsync(Search());
        await client.FlushAsync();
        var allBad = await client.SendAsync([Search() with { Touchpoint = new string('t', 129) }]);

        var rejection = Assert.Single(rejections);
        Assert.Equal("refused-1", rejection.Interaction.Id);
        Assert.Equal(["customerId: must not contain control characters"], rejection.Errors);
        Assert.Equal("touchpoint: must be at most 128 characters", Assert.Single(Assert.Single(allBad.Rejected).Errors));
        Assert.Equal((1, 2), (client.Accepted, client.RejectedCount));
        Assert.Equal(1, await RecordedAsync());
    }

    [Fact]
    public async Task Accepted_items_cxlive_warns_about_are_reported_with_the_warning()
    {
        await using var client = Client(fixture.App.BaseAddress);
        var warned = new List<CxWarning>();
        client.Warned += warned.Add;
        var survey = Search() with { Id = "survey-" + _customer, Channel = CxChannel.Survey, Touchpoint = "survey/nps", Type = CxTypes.Survey, Score = 4 };

        await client.EnqueueAsync(survey);
        await client.EnqueueAsync(Search());
        await client.FlushAsync();
        var sent = await client.SendAsync([survey with { Id = "survey-2-" + _customer }]);

        Assert.Equal(survey.Id, Assert.Single(warned).Interaction.Id);
        Assert.Contains("read on the nps scale", Assert.Single(sent.Warnings).Warning);
        Assert.Equal(3, client.Accepted);
    }

    [Fact]
    public async Task Disposing_sends_what_is_still_queued()
    {
        var client = Client(fixture.App.BaseAddress); // lingers an hour: only disposing sends
        for (var i = 0; i < 5; i++)
        {
            await client.EnqueueAsync(Search());
        }

        await client.DisposeAsync();

        Assert.Equal(5, await RecordedAsync());
    }

    [Fact]
    public async Task Add_CxLive_client_takes_its_http_client_from_the_factory()
    {
        var services = new ServiceCollection();
        services.AddCxLiveClient(o => o.BaseAddress = fixture.App.BaseAddress);
        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<CxLiveClient>();
            Assert.Same(client, provider.GetRequiredService<CxLiveClient>());

            var result = await client.SendAsync([Search(), Search()]);

            Assert.Equal(2, result.Accepted);
        }

        Assert.Equal(2, await RecordedAsync());
    }

    /// <summary>
    /// A worker service as integrations.md sets one up (AddCxLiveClient, a BackgroundService that
    /// enqueues, the host stopped by SIGTERM): what was queued when the host stopped was lost, and
    /// the shutdown crashed with ObjectDisposedException, because the container's disposal flushed
    /// the client after the container could no longer make its HttpClient.
    /// </summary>
    [Fact]
    public async Task A_host_that_stops_sends_what_its_client_still_queued_and_stops_cleanly()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddCxLiveClient(o => (o.BaseAddress, o.LingerTime) = (fixture.App.BaseAddress, TimeSpan.FromHours(1))); // only stopping sends
        var enqueued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Services.AddHostedService(provider => new Feeder(provider.GetRequiredService<CxLiveClient>(), () => Search(), enqueued));
        var host = builder.Build();
        await host.StartAsync();
        await enqueued.Task.WaitAsync(Patience);

        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync(); // disposing the container: nothing left to send, nothing thrown

        Assert.Equal(Feeder.Count, await RecordedAsync());
    }

    /// <summary>An application that worked around the old loss by disposing the client itself: the host's stop must not throw for it.</summary>
    [Fact]
    public async Task A_host_whose_client_the_application_disposed_itself_stops_cleanly()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddCxLiveClient(o => (o.BaseAddress, o.LingerTime) = (fixture.App.BaseAddress, TimeSpan.FromHours(1)));
        var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<CxLiveClient>();
        await client.EnqueueAsync(Search());
        await client.DisposeAsync(); // sends it

        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();

        Assert.Equal(1, await RecordedAsync());
    }

    /// <summary>An integrator's feeder: enqueues <see cref="Count"/> interactions, then waits for the host to stop.</summary>
    private sealed class Feeder(CxLiveClient client, Func<CxInteraction> make, TaskCompletionSource enqueued) : Microsoft.Extensions.Hosting.BackgroundService
    {
        public const int Count = 120;

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            for (var i = 0; i < Count; i++)
            {
                await client.EnqueueAsync(make(), stoppingToken);
            }

            enqueued.SetResult();
        }
    }

    /// <summary>Every value of every field the client can write is read by CxLive's own parser as meant.</summary>
    [Fact]
    public void The_clients_interaction_is_what_the_servers_parser_accepts()
    {
        var now = DateTimeOffset.UtcNow;
        var items = Enum.GetValues<CxChannel>().Select((channel, i) => new CxInteraction
        {
            Id = $"wire-{i}",
            CustomerId = "alice",
            Timestamp = now.AddMinutes(-i),
            Channel = channel,
            Touchpoint = "call-center/support-queue",
            Type = CxTypes.QueueWait, // a score that may have a fraction (a search's is a whole number of results)
            Outcome = Enum.GetValues<CxOutcome>()[i % 3],
            Stage = Enum.GetValues<CxStage>()[i % 6],
            CaseId = "case-1",
            Score = 0.5,
            Attributes = new Dictionary<string, string> { ["query"] = "red shoes" },
            Source = "shop",
        }).ToList();

        var json = JsonSerializer.Serialize(items, CxLive.Client.CxJson.Options);
        var batch = BatchParser.ParseJson(Encoding.UTF8.GetBytes(json), ItemRules.At(now, new IngestionOptions()), 100);

        Assert.Empty(batch.Rejected);
        Assert.Equal(items.Select(i => i.Channel.ToString()), batch.Valid.Select(v => v.Channel.ToString()));
        Assert.Equal(items.Select(i => i.Outcome.ToString()), batch.Valid.Select(v => v.Outcome.ToString()));
        Assert.Equal(items.Select(i => i.Stage.ToString()), batch.Valid.Select(v => v.Stage.ToString()));
        Assert.All(batch.Valid, v => Assert.Equal(("alice", "case-1", 0.5, "red shoes", "shop"), (v.CustomerId, v.CaseId, v.Score, v.Attributes!["query"], v.Source)));
        Assert.Equal(items.Select(i => i.Timestamp), batch.Valid.Select(v => v.Timestamp));
        Assert.DoesNotContain("null", JsonSerializer.Serialize(Search(), CxLive.Client.CxJson.Options)); // absent, not null
    }

    [Fact]
    public void The_library_depends_on_neither_Orleans_nor_the_server()
    {
        var references = typeof(CxLiveClient).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Orleans", StringComparison.Ordinal) || (name.StartsWith("CxLive.", StringComparison.Ordinal) && name != "CxLive.Client"));
    }

    /// <summary>Counts the interactions of every request that reaches the server.</summary>
    private sealed class BatchSizes(Channel<int>? batches) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (batches is not null && request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                batches.Writer.TryWrite(JsonDocument.Parse(body).RootElement.GetArrayLength());
            }

            return response;
        }
    }
}
