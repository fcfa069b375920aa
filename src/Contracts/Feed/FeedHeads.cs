using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Feed;

/// <summary>How far a partition has published: its book's last alert or incident change and its desk's last prompt change.</summary>
[GenerateSerializer, Immutable, Alias("cx.FeedHeads")]
public readonly record struct FeedHeads([property: Id(0)] long Book, [property: Id(1)] long Desk);
