using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Touchpoints;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Customers;

public sealed class TouchpointStateTests
{
    private readonly Journey _journey = new();
    private readonly TouchpointState _state = new();

    [Fact]
    public void Counts_failure_rate_over_the_last_five_minutes_and_hour_by_event_time()
    {
        _state.Record(_journey.Make(InteractionTypes.Search, outcome: Outcome.Failure));
        _journey.After(TimeSpan.FromMinutes(30));
        _state.Record(_journey.Make(InteractionTypes.Search));
        _state.Record(_journey.Make(InteractionTypes.Search, outcome: Outcome.Abandoned));
        _state.Record(_journey.Make(InteractionTypes.Search));
        _state.Record(_journey.Make(InteractionTypes.Search));

        Assert.Equal(new WindowCounts(4, 1), _state.Window(_journey.Now, 5));
        Assert.Equal(new WindowCounts(5, 2), _state.Window(_journey.Now, 60));
        Assert.Equal(0.25, _state.Window(_journey.Now, 5).FailureRate);
        Assert.Equal((5, 2), (_state.Total, _state.Failures));

        Assert.Equal(new WindowCounts(0, 0), _state.Window(_journey.Now + TimeSpan.FromHours(2), 60));
    }

    [Fact]
    public void Events_older_than_the_ring_count_only_in_totals()
    {
        _state.Record(_journey.Make(InteractionTypes.Search));
        _state.Record(_journey.Make(InteractionTypes.Search, at: _journey.Now - TimeSpan.FromHours(1)));

        Assert.Equal(2, _state.Total);
        Assert.Equal(new WindowCounts(1, 0), _state.Window(_journey.Now, 60));
    }
}
