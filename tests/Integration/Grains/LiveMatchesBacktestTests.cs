using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Alerts;
using CxLive.Grains.Backtesting;
using CxLive.Grains.Customers;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Grains.Touchpoints;
using CxLive.Silo.Hosting;
using CxLive.Simulator;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// A recorded day of simulated journeys, played through the live grains on the fake clock (with
/// the reminder service's job done at each reminder's due time) and through the back-test: the
/// same alerts come out. The proof that back-tests run exactly the live code.
/// </summary>
public sealed class LiveMatchesBacktestTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(ClusterFixture.Start);

    /// <summary>
    /// The reminder service's own clock, never moved: reminders are stored but never fire by
    /// themselves. On the moving clock they would fire asynchronously at whatever fake time the
    /// test had reached by then, racing the ticks the test delivers at each due time.
    /// </summary>
    private readonly FakeTimeProvider _frozenReminderClock = new(ClusterFixture.Start);

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxGrains();
            host.Services.AddSingleton<TimeProvider>(_clock);

            // No checkpoint timers: their storage writes would run in the background while the test
            // jumps the clock that Orleans' own messaging also reads. Only the test's calls run.
            host.Services.Configure<CheckpointOptions>(o => o.Delay = TimeSpan.FromDays(30));
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxMemoryStorage().UseInMemoryReminderService()
                .Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromDays(365))
                // Orleans times calls out on the fake clock: a jump to the next interaction must not fail the calls in flight.
                .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(30));
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _frozenReminderClock);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IGrainFactory Grains => _cluster.Client;

    [Fact]
    public async Task A_day_of_journeys_raises_the_same_alerts_live_as_in_a_backtest()
    {
        var start = _clock.GetUtcNow();
        var prefix = "day" + Guid.NewGuid().ToString("N")[..6];
        var generator = new JourneyGenerator(new SimulatorOptions { Customers = 100, SessionsPerSecond = 0.015, BadExperienceRate = 0.3, Seed = 11, IdPrefix = prefix }, start, CustomerDetectors.Catalogue().BurstExamples);
        var day = generator.Advance(start.AddDays(1)).Select(g => g.Interaction).ToList();
        var end = day[^1].Timestamp;

        await PlayLiveAsync(day, end);

        var backtest = Backtest.Run(CustomerDetectors.Catalogue(), RuleBook.Defaults(CustomerDetectors.Catalogue().Definitions), day, end, new AlertOptions());
        var live = (await new ClusterAlerts(Grains, AlertPartitions.DefaultCount).QueryAsync(new AlertQuery { Limit = 100_000 }))
            .Where(a => a.CustomerId!.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.True(backtest.Alerts.Count > 30, $"only {backtest.Alerts.Count} alerts in a day");
        // Every kind the simulator injects fired, but missed-follow-up: its deadline (3 days) lies beyond the day played.
        Assert.Empty(generator.InjectableRules.Except(backtest.ByRule.Keys).Except([MissedFollowUpDetector.RuleId]));
        var expected = Summary(backtest.Alerts);
        var actual = Summary(live);
        Assert.True(expected.SequenceEqual(actual),
            $"only in the back-test:\n{string.Join("\n", expected.Except(actual))}\nonly live:\n{string.Join("\n", actual.Except(expected))}");
    }

    /// <summary>What must match: which condition, its state, severity, words and evidence (not the wall-clock times).</summary>
    private static List<string> Summary(IEnumerable<Alert> alerts) =>
        [.. alerts.Select(a => $"{a.Fingerprint} {a.State} {a.Severity} {a.Occurrences} '{a.Title}' [{string.Join(",", a.Evidence)}]").Order()];

    /// <summary>
    /// Each interaction at its own time on the fake clock. Before it, every reminder that falls due
    /// fires at its due time, as the reminder service would (its timers do not run on the fake clock).
    /// </summary>
    private async Task PlayLiveAsync(List<Interaction> day, DateTimeOffset end)
    {
        var reminders = _cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var due = new PriorityQueue<string, (DateTimeOffset At, DateTime Row)>(Comparer<(DateTimeOffset At, DateTime Row)>.Create((a, b) => a.At.CompareTo(b.At)));

        // A row's StartAt is "frozen clock + due in"; the grain registered it at the moving clock's now.
        async Task ScheduleAsync(string customer)
        {
            var row = await reminders.ReadRow(Grains.GetGrain<ICustomerGrain>(customer).GetGrainId(), CustomerGrain.DeadlineReminder);
            if (row is not null)
            {
                var dueIn = new DateTimeOffset(row.StartAt, TimeSpan.Zero) - _frozenReminderClock.GetUtcNow();
                due.Enqueue(customer, (_clock.GetUtcNow() + dueIn, row.StartAt));
            }
        }

        async Task FireDueAsync(DateTimeOffset upTo)
        {
            while (due.TryPeek(out var customer, out var next) && next.At <= upTo)
            {
                due.Dequeue();
                var grain = Grains.GetGrain<ICustomerGrain>(customer);
                var row = await reminders.ReadRow(grain.GetGrainId(), CustomerGrain.DeadlineReminder);
                if (row is null || row.StartAt != next.Row)
                {
                    continue; // moved or removed since it was queued
                }

                Advance(next.At);
                await grain.AsReference<IRemindable>().ReceiveReminder(CustomerGrain.DeadlineReminder, default);
                await ScheduleAsync(customer);
            }
        }

        foreach (var interaction in day)
        {
            await FireDueAsync(interaction.Timestamp);
            Advance(interaction.Timestamp);
            var recorded = await Grains.GetGrain<ICustomerGrain>(interaction.CustomerId).RecordAsync(ImmutableArray.Create(interaction));
            if (recorded.Accepted == 1)
            {
                await Grains.GetGrain<ITouchpointGrain>(interaction.Touchpoint).RecordAsync(ImmutableArray.Create(interaction), null);
            }

            await ScheduleAsync(interaction.CustomerId);
        }

        await FireDueAsync(end);
    }

    private void Advance(DateTimeOffset to)
    {
        var by = to - _clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            _clock.Advance(by);
        }
    }
}
