using CxLive.Dashboard;
using CxLive.Dashboard.Feed;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// What a subscription answers: this server's position (keep it, with every later
/// <c>feedPosition</c>, to hand back on the next subscription), and whether every change after the
/// position handed in was sent (false: more than the hub sends at once changed; reload the current
/// state through the REST API). <see cref="Reset"/>: the position handed in is ahead of what the
/// server has ever numbered, so the client's state is from a server that has since lost its own (an
/// embedded-mode process restarted and numbers from 0 again): drop everything held and start afresh.
/// </summary>
public sealed record FeedResume(FeedPosition Position, bool Complete, bool Reset = false)
{
    /// <summary>What a resubscription found: whether every change was sent, and whether the position handed in was from a feed that no longer exists.</summary>
    public static FeedResume Of(FeedPosition position, bool complete, bool reset) => new(position, complete && !reset, reset);
}
