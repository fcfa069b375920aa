using CxLive.Benchmarks;
// Usage:
//   ingest <base-url> [customers=10000] [batches=300] [batch-size=1000] [connections=4] [redis]
//     (with a Redis-mode silo, name its Redis to also time the stream draining and count commands)
//   stream <redis> [customers=10000] [events=300000] [stream=cxlive:interactions]
//   detect [customers=2000] [hours=2] [runs=5] [bad-experience-rate=0.3]
//   quality [seed=1] [customers=2000] [bad-experience-rate=0.3]
//   latency <base-url> <events-per-second> [seconds=30] [batch-size=100]
//   simulate http <base-url> [customers=300] [sessions-per-second=5] [seconds=60] [seed=42] [bad-rate=0.3] [api-key]
//   simulate redis <connection> <stream> [customers] [sessions-per-second] [seconds] [seed] [bad-rate]
//   simulate ndjson <file> [customers] [sessions-per-second] [seconds of event time] [seed] [bad-rate]   (+ <file>.labels.ndjson)
//   noise <base-url> <journeys.ndjson>   (a recorded simulation posted in time order, ending a minute ago; cards and prompts per customer, against its labels)
//   labelled <journeys.json> [base-url]   (hand-labelled journeys judged in process, or by a running CxLive's back-test API: cards, rules, precision and recall)
//   fanout <base-url> <clients> [alerts=3000] [runs=3] [warm-up alerts=20000]
//   alerts <base-url> [stored=100000] [wave=10000] [customers-per-request=100] [redis host:port|-] [outage|routed]   (alert rate from empty and with many stored, the flood, Redis bytes per alert; routed: no incident opens, every alert goes to the desks)
//   barehub <url>   (the fan-out and latency baseline: a bare SignalR hub broadcasting one alert per posted detractor survey)
//   bare <url>   (the HTTP ingest baseline: Kestrel + the same parser, nothing else)
//   keyedstate [customers=100000] [events=5000000]   (the memory baseline: the same traffic's last 50 per customer in a dictionary)
//   soak <base-url> <minutes> [sessions-per-second=20] [customers=5000] [sample-seconds=60] [redis host:port]   (steady traffic; RSS, GC heap, grains, Redis memory and keys, stream lag, prompts pending)
//   micro [BenchmarkDotNet arguments, e.g. --filter * --job short]   (Release build)
int Arg(string[] rest, int index, int fallback) => rest.Length > index ? int.Parse(rest[index]) : fallback;
double Num(string[] rest, int index, double fallback) => rest.Length > index ? double.Parse(rest[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

switch (args)
{
    case ["ingest", var url, .. var rest] when rest.Length > 4:
        var (commands, drain) = await StreamLoad.MeasureAsync(rest[4], "cxlive:interactions",
            () => IngestLoad.RunAsync(new Uri(url), Arg(rest, 0, 10_000), Arg(rest, 1, 300), Arg(rest, 2, 1000), Arg(rest, 3, 4)));
        var events = (long)Arg(rest, 1, 300) * Arg(rest, 2, 1000);
        Console.WriteLine($"stream drained {drain.TotalSeconds:F2} s after the first timed request: {events / drain.TotalSeconds:F0} events/s end to end");
        StreamLoad.Report(commands, events, producerCommands: 0);
        return 0;
    case ["ingest", var url, .. var rest]:
        return await IngestLoad.RunAsync(new Uri(url), Arg(rest, 0, 10_000), Arg(rest, 1, 300), Arg(rest, 2, 1000), Arg(rest, 3, 4));
    case ["stream", var redis, .. var rest]:
        return await StreamLoad.RunAsync(redis, rest.Length > 2 ? rest[2] : "cxlive:interactions", Arg(rest, 0, 10_000), Arg(rest, 1, 300_000));
    case ["detect", .. var rest]:
        return DetectionCost.Run(Arg(rest, 0, 2000), Arg(rest, 1, 2), Arg(rest, 2, 5), rest.Length > 3 ? double.Parse(rest[3], System.Globalization.CultureInfo.InvariantCulture) : 0.3);
    case ["latency", var url, var rate, .. var rest]:
        return await LatencyLoad.RunAsync(new Uri(url), int.Parse(rate), Arg(rest, 0, 30), Arg(rest, 1, 100));
    case ["simulate", var how, var where, .. var rest]:
        var at = how == "redis" ? rest[1..] : rest; // redis names its stream first
        var settings = new SimulateCommand.Settings(Arg(at, 0, 300), Num(at, 1, 5), Arg(at, 2, 60), Arg(at, 3, 42), Num(at, 4, 0.3));
        switch (how)
        {
            case "http":
                return await SimulateCommand.RunLiveAsync(settings, SimulateCommand.OverHttp(new Uri(where), rest.Length > 5 ? rest[5] : null));
            case "redis":
                return await SimulateCommand.RunLiveAsync(settings, await SimulateCommand.OverRedisAsync(where, rest[0]));
            default:
                using (var interactions = File.CreateText(where))
                using (var labels = File.CreateText(where + ".labels.ndjson"))
                {
                    var (count, cases) = SimulateCommand.WriteNdjson(settings, DateTimeOffset.UtcNow.AddSeconds(-settings.Seconds).AddMinutes(-5), interactions, labels);
                    Console.WriteLine($"simulate: {count} interactions to {where}, {cases} injected cases to {where}.labels.ndjson");
                }

                return 0;
        }
    case ["labelled", var file, .. var rest]:
        return await LabelledCommand.RunAsync(file, rest.Length > 0 ? new Uri(rest[0]) : null);
    case ["noise", var url, var journeys]:
        return await NoiseCommand.RunAsync(new Uri(url), journeys);
    case ["soak", var url, var minutes, .. var rest]:
        return await Soak.RunAsync(new Uri(url), TimeSpan.FromMinutes(double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture)), Num(rest, 0, 20), Arg(rest, 1, 5000), TimeSpan.FromSeconds(Arg(rest, 2, 60)), rest.Length > 3 ? rest[3] : null);
    case ["fanout", var url, var clients, .. var rest]:
        return await FanOut.RunAsync(new Uri(url), int.Parse(clients), Arg(rest, 0, 3000), Arg(rest, 1, 3), Arg(rest, 2, 20_000));
    case ["alerts", var url, .. var rest]:
        return await AlertRate.RunAsync(new Uri(url), Arg(rest, 0, 100_000), Arg(rest, 1, 10_000), Arg(rest, 2, 100), rest.Length > 3 && rest[3] != "-" ? rest[3] : null, routed: rest.Length > 4 && rest[4] == "routed");
    case ["barehub", var url]:
        return await FanOut.RunBareHubAsync(url);
    case ["bare", var url]:
        return await BareServer.RunAsync(url);
    case ["keyedstate", .. var rest]:
        return KeyedStateMemory.Run(Arg(rest, 0, 100_000), Arg(rest, 1, 5_000_000));
    case ["micro", .. var rest]:
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(QualityCommand).Assembly).Run(rest);
        return 0;
    case ["quality", .. var rest]:
        return QualityCommand.Run(Arg(rest, 0, 1), Arg(rest, 1, 2000), rest.Length > 2 ? double.Parse(rest[2], System.Globalization.CultureInfo.InvariantCulture) : 0.3);
    default:
        Console.Error.WriteLine("usage: ingest <base-url> [customers] [batches] [batch-size] [connections] [redis] | stream <redis> [customers] [events] [stream] | detect [customers] [hours] [runs] [bad-experience-rate] | quality [seed] [customers] [bad-experience-rate]");
        return 2;
}
