using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;

namespace CxLive.Tests.Unit.Agents;

public sealed class OutreachRoutingTests
{
    private static readonly List<AgentOptions> Team =
    [
        new() { Id = "voice-1", Skills = ["call-center", "chat"] },
        new() { Id = "mail-1", Skills = ["email"] },
        new() { Id = "voice-2", Skills = ["call-center"] },
        new() { Id = "any", Skills = ["*"] },
    ];

    [Fact]
    public void The_preferred_channel_is_the_reachable_one_the_customer_used_most()
    {
        var history = new Dictionary<Channel, long> { [Channel.Web] = 40, [Channel.Email] = 3, [Channel.CallCenter] = 5 };
        Assert.Equal(Channel.CallCenter, OutreachRouting.PreferredChannel(history, suggested: Channel.Email));
    }

    [Fact]
    public void Ties_go_to_the_suggested_channel_and_no_reachable_history_means_the_suggested_one()
    {
        var tie = new Dictionary<Channel, long> { [Channel.Email] = 2, [Channel.Chat] = 2 };
        Assert.Equal(Channel.Chat, OutreachRouting.PreferredChannel(tie, suggested: Channel.Chat));
        Assert.Equal(Channel.Sms, OutreachRouting.PreferredChannel(new Dictionary<Channel, long> { [Channel.Web] = 9, [Channel.Push] = 4 }, suggested: Channel.Sms));
    }

    [Fact]
    public void A_customers_outreach_is_suggested_on_their_preferred_channel_and_a_team_action_stays_the_teams()
    {
        var emails = new Dictionary<Channel, long> { [Channel.Email] = 4, [Channel.Web] = 20 };
        var call = new AlertSignal { Kind = SignalKind.Raise, RuleId = "detractor", At = DateTimeOffset.UnixEpoch, SuggestedAction = new SuggestedAction(Channel.CallCenter, "Hello", "context") };
        Assert.Equal(Channel.Email, OutreachRouting.OnPreferredChannel(call, emails).SuggestedAction!.Channel);
        Assert.Equal("Hello", OutreachRouting.OnPreferredChannel(call, emails).SuggestedAction!.Wording);

        var team = call with { SuggestedAction = new SuggestedAction(Channel.Other, "Check the search index", "context") };
        Assert.Same(team, OutreachRouting.OnPreferredChannel(team, emails));
        Assert.Same(call, OutreachRouting.OnPreferredChannel(call, new Dictionary<Channel, long> { [Channel.Web] = 3 }));

        // A complaint made on the web is answered on a channel an agent reaches them on.
        var web = call with { SuggestedAction = new SuggestedAction(Channel.Web, "Sorry", "context") };
        Assert.Equal(Channel.Email, OutreachRouting.OnPreferredChannel(web, emails).SuggestedAction!.Channel);
    }

    [Fact]
    public void Least_loaded_picks_the_agent_with_the_skill_and_fewest_pending_prompts_first_listed_on_ties()
    {
        var turn = 0;
        var pending = new Dictionary<string, int> { ["voice-1"] = 2, ["voice-2"] = 1, ["any"] = 1 };
        Assert.Equal("voice-2", OutreachRouting.Choose(Team, Channel.CallCenter, id => pending.GetValueOrDefault(id), OutreachOptions.LeastLoaded, ref turn)!.Id);
        Assert.Equal("mail-1", OutreachRouting.Choose(Team, Channel.Email, _ => 0, OutreachOptions.LeastLoaded, ref turn)!.Id);
        Assert.Equal("any", OutreachRouting.Choose(Team, Channel.Sms, _ => 0, OutreachOptions.LeastLoaded, ref turn)!.Id);
    }

    [Fact]
    public void Round_robin_takes_turns_among_the_agents_with_the_skill()
    {
        var turn = 0;
        var picks = Enumerable.Range(0, 4).Select(_ => OutreachRouting.Choose(Team, Channel.CallCenter, _ => 0, OutreachOptions.RoundRobin, ref turn)!.Id);
        Assert.Equal(["voice-1", "voice-2", "any", "voice-1"], picks);
    }

    [Fact]
    public void Nobody_with_the_skill_means_no_agent()
    {
        var turn = 0;
        Assert.Null(OutreachRouting.Choose([new AgentOptions { Id = "mail", Skills = ["email"] }], Channel.Chat, _ => 0, OutreachOptions.LeastLoaded, ref turn));
    }

    [Fact]
    public void An_agent_with_no_skills_listed_takes_any_channel()
    {
        var turn = 0;
        Assert.Equal("new", OutreachRouting.Choose([new AgentOptions { Id = "new" }], Channel.Social, _ => 0, OutreachOptions.LeastLoaded, ref turn)!.Id);
    }

    [Fact]
    public void Skills_bound_from_configuration_are_exactly_those_configured()
    {
        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), new Dictionary<string, string?>
        {
            ["Outreach:Agents:0:Id"] = "mail",
            ["Outreach:Agents:0:Skills:0"] = "email",
        }).Build();
        var options = new OutreachOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(OutreachOptions.Section), options);

        Assert.Equal(["email"], options.Agents.Single().Skills);
    }
}
