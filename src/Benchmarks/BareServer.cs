using CxLive.Dashboard.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CxLive.Benchmarks;

/// <summary>
/// The baseline for HTTP ingest: a bare Kestrel endpoint at the same path that reads the
/// body and parses the same JSON with the same parser, then answers 202 with the count, and does
/// nothing else (no grains, no detection, no auth, no metrics). CxLive's rate over this one is the
/// share of the machine its work leaves to HTTP and parsing.
/// </summary>
public static class BareServer
{
    public static async Task<int> RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var limits = new IngestionOptions();
        app.MapPost("/api/interactions", async (HttpRequest request) =>
        {
            var batch = await IngestHttp.ReadAsync(request, limits);
            return Results.Json(new { accepted = batch.Valid.Count, duplicates = 0 }, statusCode: StatusCodes.Status202Accepted);
        });
        Console.WriteLine($"bare: POST {url}/api/interactions parses and counts; Ctrl+C to stop");
        await app.RunAsync();
        return 0;
    }
}
