using CxLive.Dashboard;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// How far a web server has passed on each partition's changes: for every partition, the number up
/// to which every alert and incident change (<see cref="Alerts"/>) and every prompt change
/// (<see cref="Prompts"/>) has been sent to its clients. Pushed to every client each second as
/// <c>feedPosition</c>; a client that reconnects hands it back (<c>SubscribeWall(after)</c> and the
/// like) and first receives what changed after it. Keys are partition numbers.
/// </summary>
public sealed record FeedPosition(IReadOnlyDictionary<int, long> Alerts, IReadOnlyDictionary<int, long> Prompts);
