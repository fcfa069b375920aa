namespace CxLive.Dashboard.Hubs;

/// <summary>
/// Once the process is stopping, the hub takes no new connection: it answers <c>503</c> with
/// <c>Retry-After</c>. SignalR closes every hub connection when the stop begins, and a page
/// reconnects at once; while the web server still listens (the ingest drain, <c>Shutdown:Drain</c>)
/// such a connection would be accepted, and nothing would close it again, so the web server would
/// wait for it until the host's 60 s patience ran out, and the silo would then stop in a hurry,
/// with its grains failing to deactivate. Refused, the page keeps retrying until a process answers:
/// this one after its restart, or another behind the same address.
/// </summary>
public static class HubClosedWhileStopping
{
    public static IApplicationBuilder UseHubClosedWhileStopping(this IApplicationBuilder app)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use(async (context, next) =>
        {
            if (stopping.IsCancellationRequested && context.Request.Path.StartsWithSegments(CxHub.Path))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await next(context);
        });
    }
}
