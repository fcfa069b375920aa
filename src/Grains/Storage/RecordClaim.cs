namespace CxLive.Grains.Storage;

/// <summary>An activation's claim on a scope: the number the store gave it when it loaded the records.</summary>
public readonly record struct RecordClaim(string Scope, long Number);
