using CxLive.Benchmarks;

// Usage:
//   ingest <base-url> [customers=10000] [batches=300] [batch-size=1000] [connections=4]
//   detect [customers=2000] [hours=2] [runs=5] [bad-experience-rate=0.3]
int Arg(string[] rest, int index, int fallback) => rest.Length > index ? int.Parse(rest[index]) : fallback;

switch (args)
{
    case ["ingest", var url, .. var rest]:
        return await IngestLoad.RunAsync(new Uri(url), Arg(rest, 0, 10_000), Arg(rest, 1, 300), Arg(rest, 2, 1000), Arg(rest, 3, 4));
    case ["detect", .. var rest]:
        return DetectionCost.Run(Arg(rest, 0, 2000), Arg(rest, 1, 2), Arg(rest, 2, 5), rest.Length > 3 ? double.Parse(rest[3], System.Globalization.CultureInfo.InvariantCulture) : 0.3);
    default:
        Console.Error.WriteLine("usage: ingest <base-url> [customers] [batches] [batch-size] [connections] | detect [customers] [hours] [runs] [bad-experience-rate]");
        return 2;
}
