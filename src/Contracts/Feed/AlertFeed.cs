namespace CxLive.Contracts.Feed;

/// <summary>Facts about the alert feed that both the feed grain and its subscribers rely on.</summary>
public static class AlertFeed
{
    /// <summary>A subscription not renewed within this is dropped; subscribers renew at a quarter of it.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(1);
}
