using System.Collections.Immutable;
using CxLive.Alerts;
using CxLive.Backtesting;
using CxLive.Customers;
using CxLive.Detection;
using CxLive.Journeys;
using CxLive.Simulator;
using CxLive.Tests.Integration.Support;
using CxLive.Touchpoints;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// A recorded day of simulated journeys, played through the live grains on the fake clock (with
/// the reminder service's job done at each reminder's due time) and through the back-test: the
/// same alerts come out. The proof that back-tests run exactly the live code.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveMatchesBacktestTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ADayOfJourneys_RaisesTheSameAlertsLiveAsInABacktest()
    {
        var start = fixture.Clock.GetUtcNow();
        var prefix = "day" + Guid.NewGuid().ToString("N")[..6];
        var day = new JourneyGenerator(new SimulatorOptions { Customers = 100, SessionsPerSecond = 0.015, BadExperienceRate = 0.3, Seed = 11, IdPrefix = prefix }, start)
            .Advance(start.AddDays(1)).Select(g => g.Interaction).ToList();
        var end = day[^1].Timestamp;

        await PlayLiveAsync(day, end);

        var backtest = Backtest.Run(CustomerDetectors.Catalogue(), RuleBook.Defaults(CustomerDetectors.Catalogue().Definitions), day, end, new AlertOptions());
        var live = (await fixture.Grains.GetGrain<IAlertBookGrain>(0).QueryAsync(new AlertQuery { Limit = 100_000 }))
            .Where(a => a.CustomerId!.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.True(backtest.Alerts.Count > 30, $"only {backtest.Alerts.Count} alerts in a day");
        Assert.Subset(backtest.ByRule.Keys.ToHashSet(), JourneyGenerator.InjectableRules.ToHashSet()); // every kind the simulator injects fired
        Assert.Equal(Summary(backtest.Alerts), Summary(live));
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
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var due = new PriorityQueue<string, DateTimeOffset>();

        async Task ScheduleAsync(string customer)
        {
            var row = await reminders.ReadRow(fixture.Grains.GetGrain<ICustomerGrain>(customer).GetGrainId(), CustomerGrain.DeadlineReminder);
            if (row is not null)
            {
                due.Enqueue(customer, new DateTimeOffset(row.StartAt, TimeSpan.Zero));
            }
        }

        async Task FireDueAsync(DateTimeOffset upTo)
        {
            while (due.TryPeek(out var customer, out var at) && at <= upTo)
            {
                due.Dequeue();
                var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer);
                var row = await reminders.ReadRow(grain.GetGrainId(), CustomerGrain.DeadlineReminder);
                if (row is null || new DateTimeOffset(row.StartAt, TimeSpan.Zero) != at)
                {
                    continue; // moved or removed since it was queued
                }

                Advance(at);
                await grain.AsReference<IRemindable>().ReceiveReminder(CustomerGrain.DeadlineReminder, default);
                await ScheduleAsync(customer);
            }
        }

        foreach (var interaction in day)
        {
            await FireDueAsync(interaction.Timestamp);
            Advance(interaction.Timestamp);
            var recorded = await fixture.Grains.GetGrain<ICustomerGrain>(interaction.CustomerId).RecordAsync(ImmutableArray.Create(interaction));
            if (recorded.Accepted == 1)
            {
                await fixture.Grains.GetGrain<ITouchpointGrain>(interaction.Touchpoint).RecordAsync(ImmutableArray.Create(interaction));
            }

            await ScheduleAsync(interaction.CustomerId);
        }

        await FireDueAsync(end);
    }

    private void Advance(DateTimeOffset to)
    {
        var by = to - fixture.Clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            fixture.Clock.Advance(by);
        }
    }
}
