using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;
using Orleans.Configuration;

namespace CxLive.Silo.Hosting;

/// <summary>
/// CxLive's membership defaults, quicker than Orleans' own so a dead silo is replaced in seconds;
/// <c>Orleans:Membership:*</c> overrides each. Measured figures and the reasons are in docs/operations.md.
/// </summary>
public static class MembershipDefaults
{
    public static void Apply(ClusterMembershipOptions o)
    {
        // Suspect a silo after 3 missed probes of 2 s (Orleans: 5 s). Orleans adapts each probe's
        // timeout between 1 s and 8 s to the answers it sees, so a busy machine is not suspected for being slow.
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.NumMissedProbesLimit = 3;
        // A silo writes "I am alive" every 5 s (Orleans: 30 s); an entry 3 beats old is stale. With no
        // live silo left to vote (a single silo killed and replaced on a new address), staleness is
        // what lets the replacement declare it dead: 15 s instead of a minute or more.
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        o.NumMissedTableIAmAliveLimit = 3;
        // Read the table every 10 s (Orleans: 60 s) besides gossip, so a missed message costs seconds.
        o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        // Pods and containers come back on new addresses: forget dead entries after a day, not a week.
        o.DefunctSiloExpiration = TimeSpan.FromDays(1);
    }
}
