using CxLive.Dashboard;
using CxLive.Dashboard.Feed;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// What a subscription answers: this server's position (keep it, with every later
/// <c>feedPosition</c>, to hand back on the next subscription), and whether every change after the
/// position handed in was sent (false: more than the hub sends at once changed; reload the current
/// state through the REST API).
/// </summary>
public sealed record FeedResume(FeedPosition Position, bool Complete);
