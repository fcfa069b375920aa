namespace CxLive.Client;

/// <summary>An interaction CxLive refused, with every reason as "field: reason". Sending it again unchanged will not help.</summary>
public sealed record CxRejection(CxInteraction Interaction, IReadOnlyList<string> Errors);
