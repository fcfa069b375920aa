namespace CxLive.Contracts.Journeys;

/// <summary>Where an interaction happened. Wire names are kebab-case (<c>call-center</c>).</summary>
public enum Channel
{
    Web,
    App,
    CallCenter,
    Chat,
    Email,
    Store,
    Social,
    Push,
    Sms,
    FieldService,
    Partner,
    Survey,
    Other,
}
