using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The <see cref="SecurityOptions"/> in force: the file's, as it is saved (a key rotation takes
/// effect without a restart), unless the file saved last is invalid: then the ones before stay in
/// force, the log says what is wrong once, and the readiness check says so as "degraded". One
/// malformed <c>Sha256</c> saved during a rotation answered every ingest request 500, valid keys
/// included, while <c>/health/ready</c> said 200. At start, invalid settings still refuse to start.
/// </summary>
public sealed class SecuritySettings(IOptionsMonitor<SecurityOptions> monitor, ILogger<SecuritySettings> logger) : IHealthCheck
{
    private readonly Lock _gate = new();
    private SecurityOptions? _inForce;
    private string? _problem;

    public SecurityOptions Current
    {
        get
        {
            try
            {
                var current = monitor.CurrentValue;
                if (!ReferenceEquals(current, _inForce))
                {
                    lock (_gate)
                    {
                        if (_problem is not null)
                        {
                            logger.LogInformation("The security settings are valid again and in force");
                        }

                        (_inForce, _problem) = (current, null);
                    }
                }

                return current;
            }
            catch (OptionsValidationException e) when (_inForce is { } before)
            {
                lock (_gate)
                {
                    if (_problem != e.Message)
                    {
                        _problem = e.Message;
                        logger.LogError("The security settings saved are invalid, so the ones before stay in force (API keys, users): {Problem}", e.Message);
                    }
                }

                return before;
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        _ = Current;
        return Task.FromResult(_problem is { } problem
            ? HealthCheckResult.Degraded($"the security settings saved are invalid, so the ones before stay in force: {problem}")
            : HealthCheckResult.Healthy("the security settings saved are in force"));
    }
}
