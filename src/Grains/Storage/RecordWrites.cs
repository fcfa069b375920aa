namespace CxLive.Grains.Storage;

/// <summary>The one way a record-stored grain saves: what changed, before anyone hears of it, and again on the next change if the write failed.</summary>
public static class RecordWrites
{
    /// <summary>
    /// Writes the records named in <paramref name="dirty"/> (their current values from
    /// <paramref name="takeChanges"/>, which clears the set). If the write fails they are marked
    /// again and the error goes to the caller, whose retry (which may change nothing in memory)
    /// writes them: a change never lives in one silo's memory alone once someone was told of it.
    /// </summary>
    public static async Task WriteChangedAsync(this IRecordStore store, string scope, HashSet<string> dirty, Func<List<KeyValuePair<string, byte[]?>>> takeChanges)
    {
        if (dirty.Count == 0)
        {
            return;
        }

        var names = dirty.ToList();
        try
        {
            await store.WriteAsync(scope, takeChanges());
        }
        catch
        {
            dirty.UnionWith(names);
            throw;
        }
    }
}
