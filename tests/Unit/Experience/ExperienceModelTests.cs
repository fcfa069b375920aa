using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Experience;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Experience;

public sealed class ExperienceModelTests
{
    private readonly Journey _journey = new();
    private readonly ExperienceModel _model = new();

    private double ScoreOf(params Interaction[] moments)
    {
        var state = new ExperienceState();
        foreach (var moment in moments)
        {
            _model.Record(state, moment);
        }

        return state.Score;
    }

    private Interaction Moment(string type, Outcome outcome = Outcome.Success, double? score = null) =>
        _journey.After(TimeSpan.FromMinutes(1)).Make(type, outcome: outcome, score: score);

    [Fact]
    public void New_customer_is_neutral() => Assert.Equal(50, _model.ScoreAt(new ExperienceState(), _journey.Now));

    [Theory]
    [InlineData(InteractionTypes.OrderPlaced, Outcome.Success, null, 5)]
    [InlineData(InteractionTypes.Payment, Outcome.Failure, null, -5)]
    [InlineData(InteractionTypes.Search, Outcome.Success, 0.0, -3)]
    [InlineData(InteractionTypes.Search, Outcome.Success, 12.0, 1)]
    [InlineData(InteractionTypes.QueueWait, Outcome.Success, 300.0, -4)]
    [InlineData(InteractionTypes.QueueWait, Outcome.Abandoned, 30.0, -8)]
    [InlineData(InteractionTypes.Complaint, Outcome.Success, null, -8)]
    [InlineData("loyalty-tier-changed", Outcome.Success, null, 0)]
    public void Valence_follows_the_table(string type, Outcome outcome, double? score, double valence) =>
        Assert.Equal(valence, _model.Valence(_journey.Make(type, outcome: outcome, score: score)));

    [Theory]
    [InlineData("nps", 10, 5)]
    [InlineData("nps", 0, -10)]
    [InlineData("csat", 1, -10)]
    [InlineData("csat", 5, 6)]
    public void Surveys_map_onto_the_scale(string scale, double answer, double valence) =>
        Assert.Equal(valence, _model.Valence(_journey.Make(InteractionTypes.Survey, score: answer, attributes: new() { ["scale"] = scale })));

    /// <summary>The detractor rule reads a survey without a scale as NPS; the score must too, or her 0 left it at 50.</summary>
    [Fact]
    public void A_survey_without_a_scale_is_read_as_nps() =>
        Assert.Equal(-10, _model.Valence(_journey.Make(InteractionTypes.Survey, score: 0)));

    [Fact]
    public void The_worst_moment_weighs_more_than_the_average()
    {
        var steady = ScoreOf(Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.ProductView), Moment(InteractionTypes.ProductView));
        var oneAwful = ScoreOf(Moment(InteractionTypes.ProductView), Moment(InteractionTypes.Complaint), Moment(InteractionTypes.ProductView), Moment(InteractionTypes.ProductView), Moment(InteractionTypes.ProductView));

        // the averages are about equal (-1.4 and -0.8), the memories are not
        Assert.True(oneAwful < steady, $"one awful moment {oneAwful} should score below steady mild trouble {steady}");
    }

    [Fact]
    public void A_good_ending_lifts_the_memory()
    {
        var badEnd = ScoreOf(Moment(InteractionTypes.OrderPlaced), Moment(InteractionTypes.Delivery), Moment(InteractionTypes.OrderStatus, Outcome.Failure), Moment(InteractionTypes.OrderStatus, Outcome.Failure), Moment(InteractionTypes.OrderStatus, Outcome.Failure));
        var goodEnd = ScoreOf(Moment(InteractionTypes.OrderStatus, Outcome.Failure), Moment(InteractionTypes.OrderStatus, Outcome.Failure), Moment(InteractionTypes.OrderStatus, Outcome.Failure), Moment(InteractionTypes.OrderPlaced), Moment(InteractionTypes.Delivery));

        // the same five moments (5, 4, -4, -4, -4) in another order: peak 5 and mean -0.6 alike,
        // the end (the last three) decides: -4 against +1.67
        Assert.Equal(51.12, badEnd, 2);
        Assert.Equal(60.19, goodEnd, 2);
    }

    [Fact]
    public void One_incident_stays_above_40_but_a_sustained_bad_episode_goes_below()
    {
        Assert.True(ScoreOf(Moment(InteractionTypes.Complaint)) > 40);
        Assert.True(ScoreOf(Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.Search, score: 0)) > 40);
        Assert.True(ScoreOf([.. Enumerable.Range(0, 5).Select(_ => Moment(InteractionTypes.Search, score: 0))]) < 40);
    }

    [Fact]
    public void The_memory_fades_halfway_to_neutral_per_half_life_and_carries_into_the_next_episode()
    {
        var state = new ExperienceState();
        foreach (var _ in Enumerable.Range(0, 5))
        {
            _model.Record(state, Moment(InteractionTypes.Payment, Outcome.Failure)); // 50 - 4 × 5 = 30
        }

        Assert.Equal(30, state.Score, 3);
        Assert.Equal(40, _model.ScoreAt(state, _journey.Now + TimeSpan.FromHours(24)), 3);

        _model.Record(state, _journey.After(TimeSpan.FromHours(24)).Make(InteractionTypes.OrderPlaced));
        Assert.Equal(40 + (4 * 0.2 * 5), state.Score, 3); // a new episode starts from the faded memory
    }

    [Fact]
    public void Experience_drop_fires_below_40_and_resolves_only_above_60()
    {
        var detector = new DetectorHarness(focus: ExperienceDropDetector.RuleId);
        var raise = detector.Feed([.. Enumerable.Range(0, 5).Select(_ => Moment(InteractionTypes.Search, score: 0))]);
        Assert.Equal(SignalKind.Raise, Assert.Single(raise).Kind);
        Assert.StartsWith("Experience score fell to 3", raise[0].Title);
        Assert.Contains("after a search at", raise[0].Detail);
        Assert.Contains("发生搜索后", raise[0].Translations[AlertLanguages.Chinese].Detail); // not the wire name "search"

        // a new episode a day later climbs back past 40 and 50 without resolving...
        _journey.After(TimeSpan.FromDays(1));
        Assert.Empty(detector.Feed(Moment(InteractionTypes.OrderPlaced), Moment(InteractionTypes.Delivery)));
        Assert.InRange(detector.State.Experience.Score, 40, 60);

        // ...and resolves once it is above 60
        var resolved = detector.Feed(Moment(InteractionTypes.OrderPlaced), Moment(InteractionTypes.Delivery), Moment(InteractionTypes.ComplaintReply), Moment(InteractionTypes.OrderPlaced));
        Assert.Equal(SignalKind.Resolve, Assert.Single(resolved).Kind);
    }

    [Fact]
    public void A_good_moment_never_tips_a_drop_and_the_drop_names_the_bad_moments_as_its_evidence()
    {
        // More moments weigh an episode more fully, so opening a push after a complaint and a contact
        // sank the score below 40 and fired the drop, and a complaint followed by two page views did
        // too: a good moment never lowers the score now. The next bad moment tips it, and the
        // customer's timeline marks the bad moments, not the push she opened.
        var detector = new DetectorHarness(focus: ExperienceDropDetector.RuleId);
        var complaint = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.Complaint, "social/weibo", stage: JourneyStage.Service);
        var contact = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.Contact, "call-center/support", stage: JourneyStage.Service);
        var push = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PushOpened, "push/marketing", stage: JourneyStage.Discover);
        var again = _journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.Contact, "call-center/support", stage: JourneyStage.Service);
        Assert.Empty(detector.Feed(complaint, contact, push));

        var raise = Assert.Single(detector.Feed(again));

        Assert.Equal(SignalKind.Raise, raise.Kind);
        Assert.Equal<string>([complaint.Id, contact.Id, again.Id], raise.Evidence);
        // The card stands where the latest bad moment was, as its detail says: not in the push channel.
        Assert.Equal(("call-center/support", JourneyStage.Service), (raise.Touchpoint, raise.Stage));
        Assert.EndsWith("after a contact at call-center/support.", raise.Detail);
    }

    [Fact]
    public void Good_moments_after_a_complaint_do_not_lower_the_score()
    {
        var state = new ExperienceState();
        _model.Record(state, Moment(InteractionTypes.Complaint));
        var afterComplaint = state.Score;

        _model.Record(state, Moment(InteractionTypes.PageView));
        _model.Record(state, Moment(InteractionTypes.PageView));
        _model.Record(state, Moment(InteractionTypes.ComplaintReply));

        Assert.Equal(43.6, afterComplaint, 2);
        Assert.True(state.Score >= afterComplaint, $"{state.Score} fell below {afterComplaint} after good moments");
    }

    [Fact]
    public void A_drop_names_at_most_the_latest_five_bad_moments()
    {
        var detector = new DetectorHarness(focus: ExperienceDropDetector.RuleId);
        var contacts = Enumerable.Range(0, 5).Select(_ => Moment(InteractionTypes.Contact)).ToArray(); // 46: still above 40
        Assert.Empty(detector.Feed(contacts));
        var complaint = Moment(InteractionTypes.Complaint);

        var raise = Assert.Single(detector.Feed(complaint));

        Assert.Equal<string>([.. contacts.Skip(1).Select(c => c.Id), complaint.Id], raise.Evidence);
    }

    [Fact]
    public void A_new_episode_forgets_the_bad_moments_of_the_last()
    {
        var detector = new DetectorHarness(focus: ExperienceDropDetector.RuleId);
        var earlier = Moment(InteractionTypes.Complaint);
        Assert.Empty(detector.Feed(earlier)); // 43.6
        _journey.After(TimeSpan.FromHours(2)); // past the 30-minute episode gap
        var searches = new[] { Moment(InteractionTypes.Search, score: 0), Moment(InteractionTypes.Search, score: 0) };

        var raise = Assert.Single(detector.Feed(searches));

        Assert.Equal(searches.Select(s => s.Id), raise.Evidence);
    }

    [Fact]
    public void A_score_stored_before_bad_moments_were_named_names_those_that_come_after_it()
    {
        var state = new ExperienceState();
        foreach (var contact in Enumerable.Range(0, ExperienceState.MaxMoments).Select(_ => Moment(InteractionTypes.Contact)))
        {
            _model.Record(state, contact);
        }

        state.BadMomentIds = null; // as stored before the list existed: a full episode of moments, no ids
        var complaint = Moment(InteractionTypes.Complaint);
        _model.Record(state, complaint);
        _model.Record(state, Moment(InteractionTypes.PushOpened));

        Assert.Equal([complaint.Id], state.LatestBadMoments(ExperienceDropDetector.EvidenceShown));
        Assert.Equal(state.Moments.Count, state.BadMomentIds!.Count); // still one for one as the oldest leave
    }

    [Fact]
    public void When_one_moment_fires_a_specific_rule_and_the_drop_the_specific_rule_speaks_first()
    {
        // The book folds a customer's later condition into their open alert: what fires first holds
        // the conversation. A 12-minute wait is the story; the score it sank is its consequence.
        var detector = new DetectorHarness();
        detector.Feed(Moment(InteractionTypes.Search, score: 0));
        var raised = detector.Feed(Moment(InteractionTypes.QueueWait, score: 720)).Where(s => s.Kind == SignalKind.Raise).Select(s => s.RuleId);
        Assert.Equal([RuleIds.LongWait, RuleIds.ExperienceDrop], raised);
    }
}
