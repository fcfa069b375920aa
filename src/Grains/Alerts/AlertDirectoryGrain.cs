using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Alerts;

/// <summary>
/// The cluster's silences and open incidents (key 0). Every change is copied to every alert
/// partition before the caller hears back, so a silence created on one silo mutes the next alert
/// raised on any other. Small and rarely written; never on the path of a raise.
/// </summary>
[GrainType("alertdirectory")]
public sealed class AlertDirectoryGrain(
    [PersistentState("alert-directory", StorageNames.State)] IPersistentState<AlertDirectoryState> state,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertDirectoryGrain> logger) : Grain, IAlertDirectoryGrain
{
    /// <summary>A partition that does not take the copy within this is left to its own refresh (every 15 s).</summary>
    private static readonly TimeSpan CopyPatience = TimeSpan.FromSeconds(2);

    public async Task<Silence> AddSilenceAsync(Silence silence)
    {
        state.State.Silences[silence.Id] = silence;
        await SaveAndCopyAsync();
        return silence;
    }

    public Task<ImmutableArray<Silence>> SilencesAsync() => Task.FromResult(Current().OrderBy(s => s.ExpiresAt).ToImmutableArray());

    public async Task<bool> RemoveSilenceAsync(string silenceId)
    {
        var removed = state.State.Silences.Remove(silenceId);
        if (removed)
        {
            await SaveAndCopyAsync();
        }

        return removed;
    }

    public async Task IncidentOpenedAsync(string touchpoint, string incidentId)
    {
        state.State.OpenIncidents[touchpoint] = incidentId;
        await SaveAndCopyAsync();
    }

    public async Task IncidentClosedAsync(string touchpoint, string incidentId)
    {
        if (state.State.OpenIncidents.TryGetValue(touchpoint, out var open) && open == incidentId)
        {
            state.State.OpenIncidents.Remove(touchpoint);
            await SaveAndCopyAsync();
        }
    }

    public Task<AlertDirectorySnapshot> SnapshotAsync() =>
        Task.FromResult(new AlertDirectorySnapshot([.. Current()], state.State.OpenIncidents.ToImmutableDictionary(StringComparer.Ordinal), state.State.Version));

    private IEnumerable<Silence> Current()
    {
        var now = time.GetUtcNow();
        return state.State.Silences.Values.Where(s => s.ExpiresAt > now);
    }

    private async Task SaveAndCopyAsync()
    {
        var now = time.GetUtcNow();
        foreach (var lapsed in state.State.Silences.Values.Where(s => s.ExpiresAt <= now).Select(s => s.Id).ToList())
        {
            state.State.Silences.Remove(lapsed);
        }

        state.State.Version++;
        await state.WriteStateAsync();
        var snapshot = await SnapshotAsync();
        var cluster = new ClusterAlerts(GrainFactory, options.Value.Partitions);
        var copies = cluster.All.Select(async p =>
        {
            try
            {
                await cluster.Book(p).SyncDirectoryAsync(snapshot).WaitAsync(CopyPatience);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Alert partition {Partition} did not take the directory's copy; it refreshes its own within 15 s", p);
            }
        });
        await Task.WhenAll(copies);
    }
}
