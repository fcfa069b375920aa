namespace CxLive.Grains.Storage;

/// <summary>Section <c>Checkpoint</c>: how grain state reaches storage.</summary>
public sealed class CheckpointOptions
{
    public const string Section = "Checkpoint";

    /// <summary>
    /// How long after its first unsaved change a grain writes its state (default 5 s; 30 s in Redis
    /// mode, where the stream consumer's checkpoints do the writing and this is the backstop; never
    /// in embedded mode, whose memory storage lives and dies with the process). Every change in
    /// between folds into one write; deactivation writes whatever is left.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan RedisModeDelay = TimeSpan.FromSeconds(30);

    /// <summary>Never: only deactivation (and anyone who asks) writes. A periodic copy into the same process's memory protects nothing.</summary>
    public static readonly TimeSpan EmbeddedModeDelay = Timeout.InfiniteTimeSpan;
}
