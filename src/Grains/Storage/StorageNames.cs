namespace CxLive.Storage;

/// <summary>The one grain-storage provider every grain writes to (memory when embedded, Redis when durable).</summary>
public static class StorageNames
{
    public const string State = "cx";
}
