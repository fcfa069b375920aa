using CxLive.Evaluation;

namespace CxLive.Benchmarks;

/// <summary><c>quality [seed] [customers] [bad-experience-rate]</c>: <see cref="DetectionQuality"/> printed as docs/benchmark-log.md shows it.</summary>
public static class QualityCommand
{
    public static int Run(int seed, int customers, double badRate)
    {
        Console.WriteLine($"quality: seed {seed}, {customers} customers, bad-experience rate {badRate}; cases starting in the first hour judged");
        foreach (var line in DetectionQuality.Table(DetectionQuality.Measure(seed, customers, badRate)))
        {
            Console.WriteLine(line);
        }

        return 0;
    }
}
