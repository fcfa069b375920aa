namespace CxLive.Grains.Detection;

public enum ParameterKind
{
    /// <summary>A whole number, at least 1.</summary>
    Count,

    /// <summary>A positive <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>) duration.</summary>
    Duration,

    /// <summary>A finite decimal number.</summary>
    Number,
}
