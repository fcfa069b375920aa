using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Customers;

/// <summary>The score distribution: ten counters, moved by customers as their score changes tenth; storage is a checkpoint.</summary>
[GrainType("experiencedirectory")]
public sealed class ExperienceDirectoryGrain : Grain, IExperienceDirectoryGrain
{
    public const int Tenths = 10;

    private readonly IPersistentState<ExperienceDistributionState> _state;
    private readonly Checkpoint<ExperienceDistributionState> _checkpoint;

    public ExperienceDirectoryGrain(
        [PersistentState("experience", StorageNames.State)] IPersistentState<ExperienceDistributionState> state,
        IOptions<CheckpointOptions> checkpoint)
    {
        _state = state;
        _checkpoint = new Checkpoint<ExperienceDistributionState>(this, state, checkpoint.Value.Delay);
    }

    /// <summary>The tenth a score falls in: 0 for 0–9.99, …, 9 for 90–100.</summary>
    public static int TenthOf(double score) => Math.Clamp((int)(score / 10), 0, Tenths - 1);

    public Task MoveAsync(int? from, int to)
    {
        Move(_state.State.Counts, from, to);
        _checkpoint.MarkDirty();
        return Task.CompletedTask;
    }

    /// <summary>One customer leaves one tenth (if they were counted) and joins another; never below zero.</summary>
    public static void Move(long[] counts, int? from, int to)
    {
        if (from is { } old && counts[old] > 0)
        {
            counts[old]--;
        }

        counts[to]++;
    }

    public Task<ImmutableArray<long>> DistributionAsync() => Task.FromResult(_state.State.Counts.ToImmutableArray());

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);
}
