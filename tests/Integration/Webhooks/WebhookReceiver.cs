using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxLive.Tests.Integration.Webhooks;

/// <summary>
/// A webhook receiver on a free loopback port: records every POST (path, headers, raw body) and
/// answers 200, or the statuses queued for requests whose body contains a marker (a test's own
/// customer id). Tests await what they expect instead of sleeping.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _answers = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{**path}", HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public string Event => Headers["X-CxLive-Event"];
        public string DeliveryId => Headers["X-CxLive-Delivery"];
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public Uri Url(string path) => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/" + path);

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>Answers the next requests to <paramref name="path"/> whose body contains <paramref name="marker"/> with these statuses, in turn; 200 after them.</summary>
    public void Answer(string path, string marker, params int[] statuses) => _answers[path + " " + marker] = new ConcurrentQueue<int>(statuses);

    /// <summary>Waits until the requests received satisfy <paramref name="done"/>; returns them.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done, string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var changed = _changed.Task;
            var all = All;
            if (done(all))
            {
                return all;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The receiver did not get {what}; it got: {string.Join(" | ", all.Select(r => $"{r.Path} {r.Event} {r.AnsweredWith}"))}");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var text = Encoding.UTF8.GetString(body);
        var status = 200;
        var path = context.Request.Path.Value!.TrimStart('/');
        foreach (var (key, answers) in _answers)
        {
            var marker = key[(key.IndexOf(' ') + 1)..];
            if (key.StartsWith(path + " ", StringComparison.Ordinal) && text.Contains(marker, StringComparison.Ordinal) && answers.TryDequeue(out var queued))
            {
                status = queued;
                break;
            }
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new Received(path, headers, body, status));
        context.Response.StatusCode = status;
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
