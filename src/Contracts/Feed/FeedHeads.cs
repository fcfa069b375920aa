using System.Collections.Immutable;
using CxLive.Agents;
using CxLive.Alerts;

namespace CxLive.Feed;

/// <summary>How far a partition has published: its book's last alert or incident change and its desk's last prompt change.</summary>
[GenerateSerializer, Immutable, Alias("cx.FeedHeads")]
public readonly record struct FeedHeads([property: Id(0)] long Book, [property: Id(1)] long Desk);
