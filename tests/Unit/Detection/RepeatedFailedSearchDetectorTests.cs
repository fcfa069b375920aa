using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

public sealed class RepeatedFailedSearchDetectorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Journey _journey = new();
    private readonly DetectorHarness _detector = new(focus: RepeatedFailedSearchDetector.RuleId);

    [Fact]
    public void Raises_alert_on_third_failed_search_within_ten_minutes()
    {
        var first = _journey.FailedSearch("red running shoes 42");
        var second = _journey.After(2 * Minute).FailedSearch("red running shoe");
        var third = _journey.After(2 * Minute).FailedSearch("running shoes red");

        var signals = _detector.Feed(first, second, third);

        var raise = Assert.Single(signals);
        Assert.Equal(SignalKind.Raise, raise.Kind);
        Assert.Equal(RepeatedFailedSearchDetector.RuleId, raise.RuleId);
        Assert.Equal("c-1", raise.CustomerId);
        Assert.Equal(DetectorHarness.Ids(first, second, third), raise.Evidence.ToArray());
        Assert.Equal("3 failed searches in 4 min", raise.Title);
        Assert.Equal("3 searches found nothing in 4 min: 'red running shoes 42', 'red running shoe', 'running shoes red'", raise.Detail);
        Assert.Equal("web/search", raise.Touchpoint);
        Assert.Equal(JourneyStage.Research, raise.Stage);
        Assert.Equal(Severity.Warning, raise.Severity);
        Assert.Equal(third.Timestamp, raise.At);
        Assert.NotNull(raise.SuggestedAction);
        Assert.Equal(Channel.Chat, raise.SuggestedAction.Channel);
        Assert.Contains("'running shoes red'", raise.SuggestedAction.Wording);
    }

    [Fact]
    public void A_query_tried_again_says_how_often_so_the_count_adds_up()
    {
        // Four searches, three queries: said as three, "4 searches" read as a miscount.
        var searches = new[] { "kids raincoat", "raincoat kids", "kids raincoat", "kids coat" }
            .Select((query, n) => _journey.After(n == 0 ? TimeSpan.Zero : Minute).FailedSearch(query)).ToArray();

        var raise = _detector.Feed(searches).Last(s => s.Kind == SignalKind.Raise); // the fourth updates the alert the third raised

        Assert.Equal("4 searches found nothing in 3 min: 'kids raincoat' ×2, 'raincoat kids', 'kids coat'", raise.Detail);
        Assert.Equal("3 分钟内 4 次搜索无结果：“kids raincoat”×2、“raincoat kids”、“kids coat”", raise.Translations["zh-CN"].Detail);
    }

    [Fact]
    public void Stays_quiet_with_only_two_failed_searches()
    {
        var signals = _detector.Feed(_journey.FailedSearch(), _journey.After(Minute).FailedSearch());

        Assert.Empty(signals);
    }

    [Theory]
    [InlineData(0, true)]      // first to last exactly 10:00 apart: within the window
    [InlineData(1, false)]     // one millisecond more: outside
    public void Window_is_inclusive_from_first_to_last_failure(int extraMilliseconds, bool fires)
    {
        var first = _journey.FailedSearch();
        var second = _journey.After(5 * Minute).FailedSearch();
        var third = _journey.After(5 * Minute + TimeSpan.FromMilliseconds(extraMilliseconds)).FailedSearch();

        var signals = _detector.Feed(first, second, third);

        Assert.Equal(fires, signals.Count == 1);
    }

    [Fact]
    public void Counts_only_failures_within_one_window_when_older_ones_fall_out()
    {
        var old = _journey.FailedSearch();
        var second = _journey.After(8 * Minute).FailedSearch();
        var third = _journey.After(3 * Minute).FailedSearch(); // 11 min after the first
        Assert.Empty(_detector.Feed(old, second, third));

        var fourth = _journey.After(Minute).FailedSearch();
        var raise = Assert.Single(_detector.Feed(fourth));

        Assert.Equal(DetectorHarness.Ids(second, third, fourth), raise.Evidence.ToArray());
    }

    [Theory]
    [InlineData(InteractionTypes.Search)]
    [InlineData(InteractionTypes.ProductView)]
    [InlineData(InteractionTypes.AddToCart)]
    public void Success_between_failures_starts_the_count_over(string successType)
    {
        var success = successType == InteractionTypes.Search ? 12 : (double?)null;
        var signals = _detector.Feed(
            _journey.FailedSearch(),
            _journey.After(Minute).FailedSearch(),
            _journey.After(Minute).Make(successType, score: success),
            _journey.After(Minute).FailedSearch());

        Assert.Empty(signals);
    }

    [Fact]
    public void Counts_out_of_order_arrivals_by_event_time()
    {
        var first = _journey.FailedSearch("a");
        var second = _journey.After(Minute).FailedSearch("b");
        var third = _journey.After(Minute).FailedSearch("c");

        var signals = _detector.Feed(third, first, second);

        var raise = Assert.Single(signals);
        Assert.Equal(DetectorHarness.Ids(first, second, third), raise.Evidence.ToArray());
        Assert.Equal("3 failed searches in 2 min", raise.Title);
    }

    [Fact]
    public void Late_success_between_failures_prevents_the_alert()
    {
        var first = _journey.FailedSearch();
        var success = _journey.After(Minute).SuccessfulSearch();
        var second = _journey.After(Minute).FailedSearch();
        var third = _journey.After(Minute).FailedSearch();

        var signals = _detector.Feed(first, second, success, third);

        Assert.Empty(signals);
    }

    [Theory]
    [InlineData(Outcome.Failure, 40.0, true)]
    [InlineData(Outcome.Abandoned, null, true)]
    [InlineData(Outcome.Success, 0.0, true)]
    [InlineData(Outcome.Success, 5.0, false)]
    [InlineData(Outcome.Success, null, false)]
    public void Failed_search_means_no_results_or_an_outcome_other_than_success(Outcome outcome, double? results, bool failed)
    {
        var signals = _detector.Feed(
            _journey.Make(InteractionTypes.Search, outcome: outcome, score: results),
            _journey.After(Minute).Make(InteractionTypes.Search, outcome: outcome, score: results),
            _journey.After(Minute).Make(InteractionTypes.Search, outcome: outcome, score: results));

        Assert.Equal(failed, signals.Count == 1);
    }

    [Theory]
    [InlineData(InteractionTypes.Search, "A search found results.", "一次搜索找到了结果。")]
    [InlineData(InteractionTypes.ProductView, "The customer viewed a product.", "客户浏览了商品。")]
    [InlineData(InteractionTypes.AddToCart, "The customer added to cart.", "客户加入了购物车。")]
    public void Resolves_when_the_customer_finds_something_saying_why_in_each_language(string successType, string reason, string chinese)
    {
        _detector.Feed(_journey.FailedSearch(), _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch());
        var success = _journey.After(Minute).Make(successType, score: successType == InteractionTypes.Search ? 3 : null);

        var resolve = Assert.Single(_detector.Feed(success));

        Assert.Equal(SignalKind.Resolve, resolve.Kind);
        Assert.Equal(reason, resolve.Reason);
        Assert.Equal(chinese, resolve.ReasonTranslations?["zh-CN"]); // the history step a Chinese wall shows
        Assert.Equal([success.Id], resolve.Evidence.ToArray());
        Assert.Null(_detector.State.Burst(RepeatedFailedSearchDetector.RuleId).OpenSince);
    }

    [Fact]
    public void Failed_product_view_does_not_resolve()
    {
        _detector.Feed(_journey.FailedSearch(), _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch());

        var signals = _detector.Feed(_journey.After(Minute).Make(InteractionTypes.ProductView, outcome: Outcome.Failure));

        Assert.Empty(signals);
    }

    [Fact]
    public void Late_success_from_before_the_run_does_not_resolve()
    {
        var early = _journey.SuccessfulSearch();
        _detector.Feed(
            _journey.After(Minute).FailedSearch(),
            _journey.After(Minute).FailedSearch(),
            _journey.After(Minute).FailedSearch());

        Assert.Empty(_detector.Feed(early));
        Assert.NotNull(_detector.State.Burst(RepeatedFailedSearchDetector.RuleId).OpenSince);
    }

    [Fact]
    public void Further_failures_while_open_update_the_same_condition()
    {
        var run = new[] { _journey.FailedSearch(), _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch() };
        _detector.Feed(run);
        var fourth = _journey.After(Minute).FailedSearch();

        var update = Assert.Single(_detector.Feed(fourth));

        Assert.Equal(SignalKind.Raise, update.Kind);
        Assert.Equal("4 failed searches in 3 min", update.Title);
        Assert.Equal(DetectorHarness.Ids([.. run, fourth]), update.Evidence.ToArray());
    }

    [Fact]
    public void Fires_again_for_a_new_run_after_resolving()
    {
        _detector.Feed(_journey.FailedSearch(), _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch());
        _detector.Feed(_journey.After(Minute).SuccessfulSearch());
        var again = new[] { _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch() };

        var raise = Assert.Single(_detector.Feed(again));

        Assert.Equal(DetectorHarness.Ids(again), raise.Evidence.ToArray());
    }

    [Fact]
    public void Follows_configured_threshold_and_window()
    {
        var detector = new DetectorHarness(DetectorHarness.Rule(RepeatedFailedSearchDetector.RuleId, parameters: [("threshold", "2"), ("window", "00:00:30")]), RepeatedFailedSearchDetector.RuleId);

        Assert.Empty(detector.Feed(_journey.FailedSearch(), _journey.After(Minute).FailedSearch()));
        Assert.Single(detector.Feed(_journey.After(TimeSpan.FromSeconds(30)).FailedSearch()));
    }

    [Fact]
    public void Disabled_rule_raises_nothing()
    {
        var detector = new DetectorHarness(DetectorHarness.Rule(RepeatedFailedSearchDetector.RuleId, enabled: false), RepeatedFailedSearchDetector.RuleId);

        var signals = detector.Feed(_journey.FailedSearch(), _journey.After(Minute).FailedSearch(), _journey.After(Minute).FailedSearch());

        Assert.Empty(signals);
    }

    [Fact]
    public void Ignores_interactions_that_are_not_about_searching()
    {
        var signals = _detector.Feed(
            _journey.FailedSearch(),
            _journey.Make(InteractionTypes.Payment, outcome: Outcome.Failure),
            _journey.Make(InteractionTypes.PageView),
            _journey.After(Minute).FailedSearch());

        Assert.Empty(signals);
        Assert.Equal(2, _detector.State.Burst(RepeatedFailedSearchDetector.RuleId).Marks.Count);
    }

    [Fact]
    public void Keeps_memory_bounded_when_failures_never_stop()
    {
        for (var i = 0; i < BurstWindow.Capacity * 3; i++)
        {
            _detector.Feed(_journey.After(TimeSpan.FromSeconds(1)).FailedSearch());
        }

        Assert.Equal(BurstWindow.Capacity, _detector.State.Burst(RepeatedFailedSearchDetector.RuleId).Marks.Count);
    }
}
