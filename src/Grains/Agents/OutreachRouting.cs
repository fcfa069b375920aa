using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;

namespace CxLive.Grains.Agents;

/// <summary>Pure routing decisions: which channel to reach a customer on, and which agent takes the prompt.</summary>
public static class OutreachRouting
{
    /// <summary>Channels an agent can reach a customer on.</summary>
    public static readonly ImmutableHashSet<Channel> Reachable =
        [Channel.CallCenter, Channel.Email, Channel.Chat, Channel.Sms, Channel.App, Channel.Social];

    /// <summary>
    /// The customer's preferred channel: the reachable one they used most (ties: the suggested
    /// channel, then the first in the order above); the suggested channel when they used none.
    /// </summary>
    public static Channel PreferredChannel(IReadOnlyDictionary<Channel, long> byChannel, Channel suggested)
    {
        var used = byChannel.Where(pair => Reachable.Contains(pair.Key) && pair.Value > 0).ToList();
        if (used.Count == 0)
        {
            return suggested;
        }

        var most = used.Max(pair => pair.Value);
        var top = used.Where(pair => pair.Value == most).Select(pair => pair.Key).ToList();
        return top.Contains(suggested) ? suggested : top.OrderBy(c => (int)c).First();
    }

    /// <summary>
    /// A customer's signal with its outreach on the channel the desk will route its prompt to (the
    /// customer's preferred one), so that the wall card and the agent's prompt name the same channel.
    /// A rule may suggest a channel no agent reaches customers on (a complaint made on the web is
    /// answered where they are reachable); a team action (<see cref="Channel.Other"/>, an
    /// incident's) is left as it is.
    /// </summary>
    public static AlertSignal OnPreferredChannel(AlertSignal signal, IReadOnlyDictionary<Channel, long> byChannel) =>
        signal.SuggestedAction is { } action && action.Channel != Channel.Other && PreferredChannel(byChannel, action.Channel) is var preferred && preferred != action.Channel
            ? signal with { SuggestedAction = action with { Channel = preferred } }
            : signal;

    /// <summary>The agents with the skill for <paramref name="channel"/>, in the order listed.</summary>
    public static List<AgentOptions> Able(IReadOnlyList<AgentOptions> agents, Channel channel)
    {
        var skill = WireNames<Channel>.Of(channel);
        return [.. agents.Where(a => a.EffectiveSkills.Contains("*") || a.EffectiveSkills.Contains(skill, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// The agents who may take a prompt on <paramref name="channel"/>, best first: those with the
    /// skill and a free slot (pending under their capacity), the least loaded first (ties: the first
    /// listed) or, round-robin, from the next in turn. Empty: the prompt waits in the queue.
    /// </summary>
    public static List<AgentOptions> Candidates(IReadOnlyList<AgentOptions> agents, Channel channel, Func<string, int> pending, int capacity, string routing, ref int nextInTurn)
    {
        var able = Able(agents, channel);
        if (able.Count == 0)
        {
            return [];
        }

        if (routing == OutreachOptions.RoundRobin)
        {
            var start = nextInTurn++ % able.Count;
            return [.. able.Skip(start).Concat(able.Take(start)).Where(a => pending(a.Id) < (a.Capacity ?? capacity))];
        }

        return [.. able.Where(a => pending(a.Id) < (a.Capacity ?? capacity)).OrderBy(a => pending(a.Id))];
    }

    /// <summary>The agent for a prompt on <paramref name="channel"/>, or null when nobody has the skill.</summary>
    public static AgentOptions? Choose(IReadOnlyList<AgentOptions> agents, Channel channel, Func<string, int> pending, string routing, ref int nextInTurn)
    {
        var able = Able(agents, channel);
        if (able.Count == 0)
        {
            return null;
        }

        if (routing == OutreachOptions.RoundRobin)
        {
            return able[nextInTurn++ % able.Count];
        }

        return able.OrderBy(a => pending(a.Id)).First(); // stable: ties go to the first listed
    }
}
