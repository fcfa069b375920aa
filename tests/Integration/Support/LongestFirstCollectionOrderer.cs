using CxLive.Tests.Integration.Browser;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer("CxLive.Tests.Integration.Support.LongestFirstCollectionOrderer", "CxLive.Tests.Integration")]

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Starts the browser collection first, then the silo processes that mostly wait, then the single
/// silo processes, then the longest in-process classes, then the silo clusters (which, with
/// today's durations, so start once the browser and the other silo processes are done), then the
/// rest in xunit's usual order. Two collections run at a time (one per core), each to its end: the browser collection is
/// the longest by far, and started a minute late (as xunit's own order had it once a
/// collection was added) it left the whole run waiting on it while the other thread sat idle.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        collections
            .OrderBy(c => c.DisplayName switch
            {
                BrowserCollection.Name => 0,
                WaitingProcessCollection.Name => 1,
                SingleSiloProcessCollection.Name => 2,
                AppCollection.Name => 3, // twenty classes on one app, one after another: started last, the other thread sat idle through its end
                _ when LongestInProcess.Any(c.DisplayName.EndsWith) => 3,
                ProcessCollection.Name => 4,
                _ => 5,
            })
            .ThenBy(c => c.UniqueID.GetHashCode()); // xunit's own order for the rest (DefaultTestCollectionOrderer)

    /// <summary>
    /// The in-process classes of half a minute each (34 s and 29 s): started last, by xunit's own
    /// order, the back-test ran alone for its whole length while the other thread sat idle.
    /// </summary>
    private static readonly string[] LongestInProcess = [".LiveMatchesBacktestTests", ".CommandLineTests"];
}
