namespace CxLive.Dashboard.Api;

/// <summary>A customer found by id prefix: when they last had an alert (or prompt), and how many of those are kept (null and 0 for a customer without any).</summary>
public sealed record CustomerMatch(string CustomerId, DateTimeOffset? LastAlertAt, int Alerts);
