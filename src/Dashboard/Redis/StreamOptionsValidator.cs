using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// Refuses stream settings that cannot work, on every process that uses the stream: silos read it
/// (and append to it, for HTTP ingestion and the demo, web tier or not), web fronts append to it.
/// </summary>
public sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    /// <summary>Binds <c>RedisStreams</c> and checks it at start; safe to call from the silo and from the web tier of the same process.</summary>
    public static OptionsBuilder<StreamOptions> AddStreamOptions(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamOptions>, StreamOptionsValidator>());
        return services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateOnStart();
    }

    public ValidateOptionsResult Validate(string? name, StreamOptions options)
    {
        var errors = new List<string>();
        if (options.ReadCount < 1 || options.MaxPending < 1)
        {
            errors.Add("RedisStreams:ReadCount and MaxPending must be at least 1");
        }

        // Upper bounds where a wait runs on the value: past about 24 days a wait throws, and the
        // silo that started cleanly failed at its first idle read.
        if (options.IdlePoll < TimeSpan.FromMilliseconds(1) || options.IdlePoll > TimeSpan.FromMinutes(1))
        {
            errors.Add("RedisStreams:IdlePoll must be from 00:00:00.001 to 00:01:00");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero || options.CheckpointInterval > TimeSpan.FromHours(1))
        {
            errors.Add("RedisStreams:CheckpointInterval must be more than 00:00:00 and at most 01:00:00");
        }

        if (options.ReclaimAfter <= TimeSpan.Zero || options.ReclaimEvery <= TimeSpan.Zero || options.ReclaimAfter > TimeSpan.FromDays(1) || options.ReclaimEvery > TimeSpan.FromDays(1))
        {
            errors.Add("RedisStreams:ReclaimAfter and ReclaimEvery must be more than 00:00:00 and at most 1.00:00:00");
        }

        if (options.TrimEvery < TimeSpan.Zero || options.TrimEvery > TimeSpan.FromDays(1))
        {
            errors.Add("RedisStreams:TrimEvery must be from 00:00:00 (no trimming) to 1.00:00:00");
        }

        // Under a millisecond the wait rounds to none and every request is answered 503; a wait
        // longer than a minute holds an integrator's request past any client's patience.
        if (options.AppendTimeout < TimeSpan.FromMilliseconds(10) || options.AppendTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add("RedisStreams:AppendTimeout must be from 00:00:00.010 to 00:01:00");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
