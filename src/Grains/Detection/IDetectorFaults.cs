namespace CxLive.Grains.Detection;

/// <summary>
/// Told when a detector throws, so the host can say so while the other rules go on
/// (<see cref="CustomerDetectors.Observe"/>). An interface the host implements itself, rather than a
/// delegate, so a customer grain pays nothing per activation for it.
/// </summary>
public interface IDetectorFaults
{
    void Faulted(string ruleId, Exception exception);
}
