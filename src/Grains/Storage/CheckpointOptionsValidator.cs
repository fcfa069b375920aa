using Microsoft.Extensions.Options;

namespace CxLive.Grains.Storage;

/// <summary>Refuses a checkpoint delay no grain timer can wait (infinite, meaning never, is allowed).</summary>
public sealed class CheckpointOptionsValidator : IValidateOptions<CheckpointOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckpointOptions options) =>
        options.Delay == Timeout.InfiniteTimeSpan || (options.Delay > TimeSpan.Zero && options.Delay <= TimeSpan.FromDays(49))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Checkpoint:Delay must be positive and at most 49 days (the longest grain timer)");
}
