using CxLive.Benchmarks;

// Usage: ingest <base-url> [customers=10000] [batches=300] [batch-size=1000] [connections=4]
if (args is not ["ingest", var url, .. var rest])
{
    Console.Error.WriteLine("usage: ingest <base-url> [customers] [batches] [batch-size] [connections]");
    return 2;
}

int Arg(int index, int fallback) => rest.Length > index ? int.Parse(rest[index]) : fallback;
return await IngestLoad.RunAsync(new Uri(url), Arg(0, 10_000), Arg(1, 300), Arg(2, 1000), Arg(3, 4));
