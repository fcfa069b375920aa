using CxLive.Dashboard.Operations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// Logs each hub call that fails, at the level its cause deserves. A client's mistake (a refused
/// subscription, a missing id, an unknown agent) is a <see cref="HubException"/>: its reason goes
/// back to the client, and the log gets one information line. Anything else is the server
/// failing, and is logged as an error with its stack.
/// </summary>
/// <remarks>
/// SignalR's dispatcher logs every failed call at error level with a stack, the client's mistakes
/// included, so a misspelt agent id in one console looked like the server failing. That one line is
/// the only message the dispatcher writes above debug level, so its category is turned down to
/// critical (<see cref="DashboardExtensions.AddCxDashboard"/>) and this filter writes the line instead.
/// </remarks>
public sealed partial class HubCallsLogged(ILogger<CxHub> logger) : IHubFilter
{
    /// <summary>The category of SignalR's dispatcher (its <c>ILogger&lt;DefaultHubDispatcher&lt;THub&gt;&gt;</c>).</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (HubException refused)
        {
            Refused(logger, invocation.HubMethodName, invocation.Context.ConnectionId, LogText.Safe(refused.Message)!); // it may quote what the client sent
            throw;
        }
        catch (Exception failed)
        {
            Failed(logger, invocation.HubMethodName, invocation.Context.ConnectionId, failed);
            throw;
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Hub call {Method} refused for connection {Connection}: {Reason}")]
    private static partial void Refused(ILogger logger, string method, string connection, string reason);

    [LoggerMessage(2, LogLevel.Error, "Hub call {Method} failed for connection {Connection}")]
    private static partial void Failed(ILogger logger, string method, string connection, Exception exception);
}
