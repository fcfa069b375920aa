using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// The <c>json</c> format's body: the delivery's id and event, when the change happened, its
/// partition and number there, and the alert or incident exactly as the API shows it.
/// </summary>
public sealed record WebhookMessage(string Id, string Event, DateTimeOffset At, int Partition, long Sequence, Alert? Alert = null, Incident? Incident = null)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, CxJson.Options);
}
