using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Detection;
using CxLive.Grains.Touchpoints;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Customers;

/// <summary>A touchpoint fails when its customers have the bad moments their own rules react to.</summary>
public sealed class TouchpointFailureTests
{
    private readonly Journey _journey = new();

    [Theory]
    [InlineData(InteractionTypes.Search, Outcome.Success, 0.0, true)]      // answered, but found nothing
    [InlineData(InteractionTypes.Search, Outcome.Success, 12.0, false)]
    [InlineData(InteractionTypes.Search, Outcome.Success, null, false)]    // no result count given: nothing to judge
    [InlineData(InteractionTypes.Search, Outcome.Abandoned, 5.0, true)]
    [InlineData(InteractionTypes.Error, Outcome.Success, null, true)]      // an error is a failure whatever its outcome says
    [InlineData(InteractionTypes.Payment, Outcome.Failure, null, true)]
    [InlineData(InteractionTypes.QueueWait, Outcome.Abandoned, 40.0, true)]
    [InlineData(InteractionTypes.OrderStatus, Outcome.Success, null, false)]
    [InlineData(InteractionTypes.Outreach, Outcome.Failure, null, false)]  // an unreachable customer is not the touchpoint failing
    public void Counts_the_bad_moments_customer_rules_see(string type, Outcome outcome, double? score, bool failure)
    {
        var interaction = _journey.Make(type, outcome: outcome, score: score);

        Assert.Equal(failure, BadMoments.IsTouchpointFailure(interaction));
    }

    [Fact]
    public void A_search_outage_with_successful_but_empty_answers_raises_the_failure_rate()
    {
        var state = new TouchpointState();
        for (var i = 0; i < 8; i++)
        {
            state.Record(_journey.FailedSearch());
        }

        state.Record(_journey.SuccessfulSearch());
        state.Record(_journey.SuccessfulSearch());

        Assert.Equal(new WindowCounts(10, 8), state.Window(_journey.Now, 5));
        Assert.Equal(8, state.RecentFailures.Count);
    }
}
