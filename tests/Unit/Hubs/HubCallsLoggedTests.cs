using CxLive.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CxLive.Tests.Unit.Hubs;

/// <summary>
/// A failed hub call is logged at the level its cause deserves: a client's mistake as one
/// information line, a server failure as an error with its exception (the integration test
/// <c>OutreachLoopTests</c> shows SignalR's own error line gone for the mistakes).
/// </summary>
public sealed class HubCallsLoggedTests
{
    private readonly FakeLogger<CxHub> _log = new();

    [Fact]
    public async Task A_refusal_is_one_information_line_with_its_reason_and_still_reaches_the_client()
    {
        var refused = await Assert.ThrowsAsync<HubException>(() => Call(new HubException("Forbidden: the wall is for supervisors")));

        Assert.Equal("Forbidden: the wall is for supervisors", refused.Message);
        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
        Assert.Equal("Hub call SubscribeWall refused for connection c-1: Forbidden: the wall is for supervisors", line.Message);
    }

    [Fact]
    public async Task A_server_failure_is_an_error_with_its_exception()
    {
        var failure = new InvalidOperationException("the cluster did not answer");

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => Call(failure)));

        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Same(failure, line.Exception);
        Assert.Equal("Hub call SubscribeWall failed for connection c-1", line.Message);
    }

    [Fact]
    public async Task A_call_that_succeeds_logs_nothing()
    {
        var context = Invocation();

        Assert.Equal("ok", await new HubCallsLogged(_log).InvokeMethodAsync(context, _ => ValueTask.FromResult<object?>("ok")));
        Assert.Empty(_log.Collector.GetSnapshot());
    }

    private async Task Call(Exception thrown) =>
        await new HubCallsLogged(_log).InvokeMethodAsync(Invocation(), _ => ValueTask.FromException<object?>(thrown));

    private static HubInvocationContext Invocation() =>
        new(new Caller(), EmptyServices.Instance, new NoHub(), typeof(CxHub).GetMethod(nameof(CxHub.SubscribeWall))!, [null]);

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "c-1";
        public override string? UserIdentifier => null;
        public override System.Security.Claims.ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }

    private sealed class NoHub : Hub;

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
