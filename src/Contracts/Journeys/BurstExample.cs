namespace CxLive.Contracts.Journeys;

/// <summary>
/// A burst rule ("<see cref="Threshold"/> bad moments within <see cref="Window"/>") told as data:
/// what one bad and one good moment look like, with the rule's default threshold and window. Each
/// burst detector declares one; the simulator makes injected bad experiences of it and the tests make
/// their journeys of it, so a new burst rule needs neither a scripted scenario nor a test row.
/// </summary>
/// <param name="Good">A moment that resolves the alert; null when nothing the customer does resolves it.</param>
public sealed record BurstExample(string RuleId, int Threshold, TimeSpan Window, ExampleMoment Bad, ExampleMoment? Good)
{
    public override string ToString() => RuleId; // how a test case reads
}
