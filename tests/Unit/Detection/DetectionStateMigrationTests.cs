using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// A customer stored before burst windows were kept by rule id has them in the old fields
/// (<c>[Id(0)]</c> to <c>[Id(5)]</c>, 10, 13, 14). Loaded now, its open runs, open alerts and
/// deadlines carry on exactly as if it had never been stored.
/// </summary>
public sealed class DetectionStateMigrationTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(CustomerDetectionState).Assembly)).BuildServiceProvider();
    private readonly CustomerDetectors _detectors = CustomerDetectors.Catalogue();
    private readonly Journey _journey = new();

    public void Dispose() => _services.Dispose();

    private RuleBook Rules => RuleBook.Defaults(_detectors.Definitions);

    /// <summary>Every old window half way: a run one short of firing, an open alert, a deadline pending.</summary>
    private List<Interaction> Before() =>
    [
        _journey.FailedSearch("red shoes"),
        _journey.After(Minute).FailedSearch("red shoe"),
        _journey.Make(InteractionTypes.PushDismissed, "push/marketing", channel: Channel.Push),
        _journey.After(Minute).Make(InteractionTypes.PushDismissed, "push/marketing", channel: Channel.Push),
        _journey.After(Minute).Make(InteractionTypes.PushDismissed, "push/marketing", channel: Channel.Push),
        _journey.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure),
        _journey.Make(InteractionTypes.OrderStatus, "app/orders", attributes: new() { ["orderId"] = "ORD-1" }),
        _journey.After(Minute).Make(InteractionTypes.OrderStatus, "app/orders", attributes: new() { ["orderId"] = "ORD-1" }),
        .. Enumerable.Range(0, 5).Select(_ => _journey.After(Minute).Make(InteractionTypes.RecommendationShown, "app/recommendations")),
        _journey.Make(InteractionTypes.PointsRedemption, "app/rewards", Outcome.Failure),
        _journey.Make(InteractionTypes.ServiceVisit, "field-service/installation", channel: Channel.FieldService),
    ];

    /// <summary>What completes each of them after the load.</summary>
    private List<Interaction> After() =>
    [
        _journey.After(Minute).FailedSearch("running shoes"),
        _journey.Make(InteractionTypes.OrderStatus, "web/orders", attributes: new() { ["orderId"] = "ORD-1" }),
        _journey.Make(InteractionTypes.RecommendationShown, "app/recommendations"),
        _journey.Make(InteractionTypes.PointsRedemption, "app/rewards", Outcome.Abandoned),
    ];

    [Fact]
    public void A_state_stored_with_the_old_window_fields_detects_exactly_as_before_it_was_stored()
    {
        var before = Before();
        var after = After();
        var kept = new CustomerDetectionState();
        Observe(kept, before);

        var loaded = RoundTrip(OldShape(kept));
        var end = _journey.Now + TimeSpan.FromDays(4);

        Assert.Equal(_detectors.NextDeadline(Rules, kept), _detectors.NextDeadline(Rules, loaded));
        var expected = Run(kept, after, end);
        var actual = Run(loaded, after, end);
        Assert.Equal(expected, actual);
        Assert.Superset( // every old window went on to fire or resolve, so each was carried over, not just left empty on both sides
            new HashSet<string>
            {
                RepeatedFailedSearchDetector.RuleId, OrderStatusFailureDetector.RuleId, RecommendationRejectionDetector.RuleId, PaymentFailureDetector.RuleId,
                PointsRedemptionFailureDetector.RuleId, PushFatigueDetector.RuleId, MissedFollowUpDetector.RuleId,
            },
            expected.Select(s => s.RuleId).ToHashSet());
    }

    [Fact]
    public void The_old_fields_are_emptied_on_first_use_and_the_windows_stay_under_their_keys_when_stored_again()
    {
        var kept = new CustomerDetectionState();
        Observe(kept, Before());

        var loaded = RoundTrip(OldShape(kept));
        _detectors.NextDeadline(Rules, loaded); // any use moves the old fields
        var again = RoundTrip(loaded);

#pragma warning disable CS0618 // the old fields, read to check they are left empty
        BurstWindow?[] old = [again.Searches, again.OrderLookups, again.Recommendations, again.Redemptions, again.Payments, again.Pushes, again.Visits, again.RecommendationsShown, again.OrderLookupsByOrder];
#pragma warning restore CS0618
        Assert.All(old, Assert.Null);
        var windows = kept.Bursts!.Where(k => k.Value.Marks.Count > 0 || k.Value.OpenSince is not null).ToList();
        Assert.Equal(windows.Select(k => k.Key).Order(), again.Bursts!.Keys.Order());
        Assert.All(windows, k =>
        {
            Assert.Equal(k.Value.Marks, again.Bursts[k.Key].Marks);
            Assert.Equal(k.Value.OpenSince, again.Bursts[k.Key].OpenSince);
        });
    }

    [Fact]
    public void A_customer_stored_when_only_the_push_time_was_kept_still_has_an_unsubscribe_after_it_fire()
    {
        var kept = new CustomerDetectionState();
        Observe(kept, [_journey.Make(InteractionTypes.PushSent, "push/marketing", channel: Channel.Push, attributes: new() { ["campaign"] = "winter sale" })]);
        var loaded = RoundTrip(new CustomerDetectionState { LastPushSent = kept.LastPushSent }); // as stored before the push itself was kept
        var unsubscribe = _journey.After(TimeSpan.FromMinutes(20)).Make(InteractionTypes.Unsubscribe, "push/settings", channel: Channel.Push);

        var signals = new List<AlertSignal>();
        _detectors.Observe(Rules, loaded, unsubscribe, signals);

        var raise = Assert.Single(signals, s => s.RuleId == PushFatigueDetector.RuleId);
        Assert.Equal("The customer unsubscribed 20 min after a push.", raise.Detail);
        Assert.Equal([unsubscribe.Id], raise.Evidence.ToArray());
    }

    private void Observe(CustomerDetectionState state, List<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            _detectors.Observe(Rules, state, interaction, []);
        }
    }

    /// <summary>The signals, as a user would see them, of the interactions and then time passing to <paramref name="end"/>.</summary>
    private List<(SignalKind Kind, string RuleId, string Title, string Evidence, DateTimeOffset At, string? Reason)> Run(CustomerDetectionState state, List<Interaction> interactions, DateTimeOffset end)
    {
        var signals = new List<AlertSignal>();
        foreach (var interaction in interactions)
        {
            _detectors.Observe(Rules, state, interaction, signals);
        }

        for (var n = 0; n < 100 && _detectors.NextDeadline(Rules, state) is { } due && due <= end; n++)
        {
            _detectors.Expire(Rules, state, "c-1", due, signals);
        }

        return [.. signals.Select(s => (s.Kind, s.RuleId, s.Title, string.Join(",", s.Evidence), s.At, s.Reason))];
    }

    private CustomerDetectionState RoundTrip(CustomerDetectionState state)
    {
        var serializer = _services.GetRequiredService<Serializer>();
        return serializer.Deserialize<CustomerDetectionState>(serializer.SerializeToArray(state))!;
    }

#pragma warning disable CS0618 // the old fields, written as the code before the move wrote them
    /// <summary>The same state as the code before the move stored it: each window in its own field, none by key.</summary>
    private static CustomerDetectionState OldShape(CustomerDetectionState state)
    {
        var bursts = state.Bursts!;
        BurstWindow Of(string key) => bursts.GetValueOrDefault(key) ?? new BurstWindow();
        return new CustomerDetectionState
        {
            Searches = Of(RepeatedFailedSearchDetector.RuleId),
            OrderLookups = Of(OrderStatusFailureDetector.RuleId),
            Recommendations = Of(RecommendationRejectionDetector.RuleId),
            Redemptions = Of(PointsRedemptionFailureDetector.RuleId),
            Payments = Of(PaymentFailureDetector.RuleId),
            Pushes = Of(PushFatigueDetector.RuleId),
            LastPushSent = state.LastPushSent,
            DetractorSince = state.DetractorSince,
            Cases = state.Cases,
            Complaints = state.Complaints,
            Visits = Of(MissedFollowUpDetector.RuleId),
            Experience = state.Experience,
            DropSince = state.DropSince,
            RecommendationsShown = Of(RecommendationRejectionDetector.RuleId + "/shown"),
            OrderLookupsByOrder = Of(OrderStatusFailureDetector.RuleId + "/by-order"),
        };
    }
#pragma warning restore CS0618
}
