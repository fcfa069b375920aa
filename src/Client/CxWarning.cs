namespace CxLive.Client;

/// <summary>
/// An interaction CxLive accepted but may read otherwise than meant (a survey answer of 4 with no
/// scale is read as an NPS detractor), with what to send instead.
/// </summary>
public sealed record CxWarning(CxInteraction Interaction, string Warning);
