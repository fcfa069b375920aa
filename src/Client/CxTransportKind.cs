namespace CxLive.Client;

public enum CxTransportKind
{
    /// <summary>POST /api/interactions: answers say what was accepted, duplicated and rejected.</summary>
    Http,

    /// <summary>XADD to CxLive's stream in Redis mode: CxLive validates later (bad entries go to its dead-letter stream).</summary>
    Redis,
}
