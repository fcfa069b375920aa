namespace CxLive.Grains.Detection;

/// <summary>Section <c>Detection</c>: rule settings read at start, laid over the catalogue defaults.</summary>
public sealed class DetectionOptions
{
    public const string Section = "Detection";

    /// <summary>Rule id (e.g. <c>repeated-failed-search</c>) to its settings.</summary>
    public Dictionary<string, RuleOptions> Rules { get; set; } = new(StringComparer.Ordinal);
}
