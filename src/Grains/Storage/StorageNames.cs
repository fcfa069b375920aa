namespace CxLive.Grains.Storage;

/// <summary>
/// The grain-storage providers (memory when embedded, Redis when durable): customers' state apart
/// from everything else, so that it alone can be given a retention (Privacy:CustomerRetention)
/// without the rules, the alert book or the directories ever expiring.
/// </summary>
public static class StorageNames
{
    public const string State = "cx";

    public const string Customers = "customers";
}
