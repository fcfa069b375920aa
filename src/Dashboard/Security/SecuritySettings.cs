using CxLive.Dashboard.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CxLive.Dashboard.Security;

/// <summary>
/// The <see cref="SecurityOptions"/> in force. The settings file is read again whenever it is saved
/// (a key rotation takes effect without a restart). A save that is not valid — a validator refuses
/// it, a value does not convert (<c>"Revoked": "yes"</c>), a key is misspelled (<c>"ApiKyes"</c>) —
/// does not take effect and does not fail every request either: one malformed <c>Sha256</c> saved
/// during a rotation answered every ingest 500, valid keys included, while <c>/health/ready</c> said
/// 200. The settings before stay in force, <b>less</b> what the new file no longer allows: a key it
/// revokes, drops or changes, a user it drops or whose password it changes is refused at once, since
/// a save that revokes a leaked key must revoke it even with a typo beside it. The log says what is
/// wrong once, and the readiness check says so as "degraded" (still ready) until a valid save.
/// At start, invalid settings still refuse to start (<c>ValidateOnStart</c>, <see cref="UnknownSettings"/>).
/// </summary>
public sealed class SecuritySettings : IHealthCheck, IDisposable
{
    private readonly IOptionsFactory<SecurityOptions> _factory;
    private readonly IConfiguration _configuration;
    private readonly ILogger<SecuritySettings> _logger;
    private readonly IDisposable _listening;
    private readonly Lock _gate = new();
    private SecurityOptions? _valid; // the last valid save
    private volatile SecurityOptions? _inForce;
    private volatile string? _problem;

    public SecuritySettings(IOptionsFactory<SecurityOptions> factory, IConfiguration configuration, ILogger<SecuritySettings> logger)
    {
        (_factory, _configuration, _logger) = (factory, configuration, logger);
        // Built fresh at each save rather than read through the options monitor, whose cache may not
        // have heard of the save yet when this does.
        _listening = ChangeToken.OnChange(configuration.GetReloadToken, Refresh);
        Refresh();
    }

    /// <summary>The settings in force: read on every request, so computed once per save, not per read.</summary>
    public SecurityOptions Current => _inForce ?? throw new InvalidOperationException("the security settings were never valid");

    public void Dispose() => _listening.Dispose();

    /// <summary>After each save is read, whatever came of it (<see cref="SignedInConnections"/> ends the hub connections it no longer allows).</summary>
    public event Action? Changed;

    private void Refresh()
    {
        ReadSaved();
        Changed?.Invoke();
    }

    private void ReadSaved()
    {
        lock (_gate)
        {
            try
            {
                var saved = _factory.Create(Options.DefaultName); // binds and validates: throws when either fails
                if (UnknownSettings.Describe(_configuration, [(SecurityOptions.Section, typeof(SecurityOptions))], sectionNames: false) is { } unknown)
                {
                    throw new InvalidOperationException(unknown);
                }

                if (_problem is not null)
                {
                    _logger.LogInformation("The security settings saved are valid again and in force");
                }

                (_valid, _inForce, _problem) = (saved, saved, null);
            }
            catch (Exception e) when (_valid is { } before)
            {
                var problem = e is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : e.Message;
                if (problem != _problem)
                {
                    _logger.LogError("The security settings saved are invalid, so the ones before stay in force, less the API keys and users the new file revokes or drops: {Problem}", problem);
                }

                (_inForce, _problem) = (StillAllowed(before, _configuration.GetSection(SecurityOptions.Section)), problem);
            }
        }
    }

    /// <summary>
    /// The settings before, with each API key and user kept only where the saved file still lists it
    /// the same (name and hash) and does not revoke it. Read as plain text, so nothing in it can fail
    /// to convert: a <c>Revoked</c> that is anything but false or absent revokes.
    /// </summary>
    private static SecurityOptions StillAllowed(SecurityOptions before, IConfigurationSection saved)
    {
        var keys = saved.GetSection(nameof(SecurityOptions.ApiKeys)).GetChildren()
            .Where(k => string.IsNullOrEmpty(k[nameof(ApiKey.Revoked)]) || string.Equals(k[nameof(ApiKey.Revoked)], "false", StringComparison.OrdinalIgnoreCase))
            .Select(k => (Name: k[nameof(ApiKey.Name)], Hash: k[nameof(ApiKey.Sha256)]))
            .ToList();
        var users = saved.GetSection(nameof(SecurityOptions.Users)).GetChildren()
            .Select(u => (Name: u[nameof(UserAccount.Name)], Hash: u[nameof(UserAccount.PasswordHash)]))
            .ToList();
        return new SecurityOptions
        {
            Open = before.Open,
            Oidc = before.Oidc,
            RequestsPerSecond = before.RequestsPerSecond,
            Burst = before.Burst,
            ApiKeys =
            [
                .. before.ApiKeys.Select(k => k.Revoked || keys.Any(s => s.Name == k.Name && string.Equals(s.Hash, k.Sha256, StringComparison.OrdinalIgnoreCase))
                    ? k
                    : new ApiKey { Name = k.Name, Sha256 = k.Sha256, RequestsPerSecond = k.RequestsPerSecond, Revoked = true }),
            ],
            Users = [.. before.Users.Where(u => users.Any(s => string.Equals(s.Name, u.Name, StringComparison.OrdinalIgnoreCase) && s.Hash == u.PasswordHash))],
        };
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_problem is { } problem
            ? HealthCheckResult.Degraded($"the security settings saved are invalid, so the ones before stay in force, less what the new file revokes or drops: {problem}")
            : HealthCheckResult.Healthy("the security settings saved are in force"));
}
