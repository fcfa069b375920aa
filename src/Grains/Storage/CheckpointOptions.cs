namespace CxLive.Storage;

/// <summary>Section <c>Checkpoint</c>: how grain state reaches storage.</summary>
public sealed class CheckpointOptions
{
    public const string Section = "Checkpoint";

    /// <summary>
    /// How long after its first unsaved change a grain writes its state (default 5 s). Every change
    /// in between folds into one write; deactivation writes whatever is left.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(5);
}
