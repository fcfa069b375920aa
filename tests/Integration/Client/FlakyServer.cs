using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.Client;

/// <summary>
/// A tiny Kestrel server in front of a real CxLive: it answers the first requests with the
/// failures it is given (a dropped connection, 429 or 503 with Retry-After, or a request passed on
/// whose answer is then lost), then passes every request on.
/// </summary>
public sealed class FlakyServer : IAsyncDisposable
{
    public abstract record Failure;

    /// <summary>The connection is dropped without an answer.</summary>
    public sealed record Drop : Failure;

    public sealed record Status(int Code, int RetryAfterSeconds) : Failure;

    /// <summary>CxLive gets the request, but the caller gets 503: the answer was lost on the way.</summary>
    public sealed record AnswerLost : Failure;

    private readonly ConcurrentQueue<Failure> _failures;
    private readonly HttpClient _cxlive;
    private readonly WebApplication _app;

    public FlakyServer(Uri cxlive, params Failure[] failures)
    {
        _failures = new(failures);
        _cxlive = new HttpClient { BaseAddress = cxlive };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/api/interactions", HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>Requests seen, failed or passed on.</summary>
    public int Requests;

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref Requests);
        _failures.TryDequeue(out var failure);
        switch (failure)
        {
            case Drop:
                context.Abort();
                return;
            case Status status:
                context.Response.StatusCode = status.Code;
                context.Response.Headers.RetryAfter = status.RetryAfterSeconds.ToString();
                return;
        }

        using var body = new StreamContent(context.Request.Body);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(context.Request.ContentType!);
        using var answer = await _cxlive.PostAsync("api/interactions", body);
        if (failure is AnswerLost)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await answer.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _cxlive.Dispose();
    }
}
