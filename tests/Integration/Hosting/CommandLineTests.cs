using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Security;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Hosting;

/// <summary>The command line an operator meets first: real <c>dotnet CxLive.Silo.dll</c> processes.</summary>
public sealed class CommandLineTests
{
    /// <summary>Ports no other process of the test run uses, in case a start got that far.</summary>
    private static Dictionary<string, string> Ports() => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}",
        ["Orleans__Endpoints__SiloPort"] = FreePorts.Next().ToString(),
        ["Orleans__Endpoints__GatewayPort"] = FreePorts.Next().ToString(),
    };

    /// <summary>Runs the silo with <paramref name="environment"/>: it must refuse to start (exit 78) with one line and nothing else; that line.</summary>
    private static async Task<string> RefusedInOneLineAsync(Dictionary<string, string> environment)
    {
        var refused = await Cli.RunAsync([], environment);
        Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
        return Assert.Single(refused.All.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// The reason is the last line alone: the host and Orleans do not log the same exception before
    /// it with their stacks (they did, in four blocks for a Redis that does not answer).
    /// </summary>
    private static void SaidOnceInTheLastLine(Cli.Result refused)
    {
        Assert.DoesNotContain("Unhandled exception", refused.All);
        Assert.DoesNotContain("fail:", refused.All);
        Assert.DoesNotMatch(@"(?m)^\s+at ", refused.All);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_the_main_settings_and_starts_nothing()
    {
        var help = await Cli.RunAsync(["--help"], Ports());

        Assert.Equal(0, help.ExitCode);
        foreach (var expected in new[] { "new-api-key NAME", "hash-password", "--demo", "ASPNETCORE_URLS", "ConnectionStrings__Redis", "Orleans__Endpoints__AdvertisedIPAddress", "Security__Users__0__Name", "Privacy__PseudonymKey", "docs/operations.md" })
        {
            Assert.Contains(expected, help.Out);
        }

        Assert.DoesNotContain("CxLive is running", help.All);
        Assert.Equal("", help.Err);
    }

    [Fact]
    public async Task A_missing_setting_is_one_line_that_names_it_and_a_non_zero_exit_without_a_stack_trace()
    {
        // Production (the default outside dotnet run) with nobody configured to sign in.
        var line = await RefusedInOneLineAsync(Ports());
        Assert.StartsWith("cxlive: cannot start: CxLive will not start unprotected", line);
        Assert.Contains("Security:Users", line);
    }

    [Theory]
    [InlineData("Privacy__PseudonymKey", "too-short", "Privacy:PseudonymKey must be at least 32 characters")]
    [InlineData("Ingestion__MaxItemsPerRequest", "lots", "'lots' at 'Ingestion:MaxItemsPerRequest'")]
    [InlineData("Shutdown__Drain", "-00:00:05", "Shutdown:Drain is -00:00:05: it must be from 00:00:00 to 00:00:30")]
    [InlineData("Shutdown__Timeout", "10s", "'10s' at 'Shutdown:Timeout' to type 'System.TimeSpan'")] // read only at the stop, it started cleanly and then skipped the drain
    [InlineData("Shutdown__Timeout", "00:02:00", "Shutdown:Timeout is 00:02:00: it must be from 00:00:00 to 00:00:30")]
    [InlineData("Shutdown__LeaveTimeout", "-00:00:05", "Shutdown:LeaveTimeout is -00:00:05: it must be 00:00:00 or more")]
    [InlineData("Shutdown__ExitAfter", "00:00:00", "Shutdown:ExitAfter is 00:00:00: it must be more than 00:00:00")]
    [InlineData("RedisStreams__AppendTimeout", "00:00:00", "RedisStreams:AppendTimeout must be from 00:00:00.010 to 00:01:00")]
    [InlineData("Demo__BadExperienceRate", "10", "Demo:BadExperienceRate must be from 0 to 1 (a share of sessions)")]
    [InlineData("Ingestion__MaxEventAge", "30d", "'30d' at 'Ingestion:MaxEventAge' to type 'System.TimeSpan'. A duration is hh:mm:ss or d.hh:mm:ss")]
    [InlineData("DataProtection__Certificate", "/no/such/keys.pfx", "DataProtection:Certificate '/no/such/keys.pfx' cannot be read as a PKCS#12 (.pfx) file")]
    [InlineData("Orleans__Endpoints__AdvertisedIPAddress", "no-such-silo.invalid", "Orleans:Endpoints:AdvertisedIPAddress 'no-such-silo.invalid' is neither an IP address nor a host name that resolves")]
    public async Task A_setting_CxLive_cannot_use_is_one_line_that_names_it(string variable, string value, string expected)
    {
        var environment = Ports();
        environment["Security__Open"] = "true";
        environment[variable] = value;
        // The advertised address is read in Redis mode only; nothing is connected before it is checked.
        environment["ConnectionStrings__Redis"] = $"127.0.0.1:{FreePorts.Next()}";

        var line = await RefusedInOneLineAsync(environment);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("Exception", line);
    }

    [Fact]
    public async Task A_misspelled_setting_is_refused_in_one_line_that_names_it_and_the_setting_meant_rather_than_ignored()
    {
        // The user trial: the silo started healthy and the operator believed a limit of 5 was set.
        var environment = Ports();
        environment["Security__Open"] = "true";
        var refused = await Cli.RunAsync(["--Ingestion:MaxItemsPerReqest=5"], environment);

        Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
        var line = Assert.Single(refused.All.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("cxlive: cannot start: unknown setting Ingestion:MaxItemsPerReqest (did you mean Ingestion:MaxItemsPerRequest?): CxLive would ignore it; correct or remove it (docs/configuration.md lists every setting).", line);
    }

    [Fact]
    public async Task A_misspelled_Orleans_membership_setting_or_web_switch_is_refused_too()
    {
        // Tuned for Kubernetes, a typo left a dead silo noticed as late as before, with nothing said.
        var environment = Ports();
        environment["Security__Open"] = "true";
        environment["Web__Enable"] = "false";
        var refused = await Cli.RunAsync(["--Orleans:Membership:ProbeTimout=00:00:01"], environment);

        Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
        var line = Assert.Single(refused.All.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("cxlive: cannot start: unknown settings ", line);
        Assert.Contains("Orleans:Membership:ProbeTimout (did you mean Orleans:Membership:ProbeTimeout?)", line);
        Assert.Contains("Web:Enable (did you mean Web:Enabled?)", line);
    }

    [Fact]
    public async Task A_web_front_refuses_a_misspelled_setting_in_one_line_before_it_looks_for_Redis()
    {
        // A front takes ingest as a silo does, with the same limits: a misspelled one would be as
        // silently ignored. Nothing listens on the Redis port given: the refusal comes first.
        var environment = Ports();
        environment["ConnectionStrings__Redis"] = $"127.0.0.1:{FreePorts.Next()}";
        environment["Security__Open"] = "true";
        var refused = await Cli.RunAsync(["--Ingestion:MaxItemsPerReqest=5"], environment, program: SiloProcess.Front);

        Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
        var line = Assert.Single(refused.All.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("cxlive-front: cannot start: unknown setting Ingestion:MaxItemsPerReqest (did you mean Ingestion:MaxItemsPerRequest?)", line);
    }

    /// <summary>
    /// Settings that would run a process that does nothing useful, or keep retrying for ever: an
    /// embedded silo without its web tier (reporting itself ready), a Redis variable never filled in
    /// (running in memory), a redis:// URL (read as a host named "Unspecified/redis://...", exit 69,
    /// which systemd restarts for ever; said without its password).
    /// </summary>
    [Theory]
    [InlineData("Web__Enabled", "false", "Web:Enabled=false needs Redis mode (ConnectionStrings:Redis): an embedded silo without its web tier takes no data and no web front can join it")]
    [InlineData("ConnectionStrings__Redis", "", "ConnectionStrings:Redis is set but empty: set it to the Redis address (host:port) for Redis mode, or remove it for embedded mode")]
    [InlineData("ConnectionStrings__Redis", "redis://:s3cret@127.0.0.1:6379", "ConnectionStrings:Redis is a URL ('redis://...'): give it as host:port, with any password after a comma (127.0.0.1:6379,password=...; add ,ssl=true for TLS)")]
    [InlineData("ConnectionStrings__Redis", "password=s3cret,redis://127.0.0.1:6379", "ConnectionStrings:Redis is a URL: give it as host:port, with any password after a comma (127.0.0.1:6379,password=...; add ,ssl=true for TLS)")]
    public async Task A_setting_that_would_run_uselessly_is_refused_in_one_line(string setting, string value, string reason)
    {
        var environment = Ports();
        environment["Security__Open"] = "true";
        environment[setting] = value;

        Assert.Equal("cxlive: cannot start: " + reason, await RefusedInOneLineAsync(environment));
    }

    [Fact]
    public async Task A_password_Redis_refuses_ends_in_a_line_that_names_the_setting_and_not_the_password()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        Cli.Result refused;
        Cli.Result frontRefused;
        try
        {
            await redis.Db.ExecuteAsync("CONFIG", "SET", "requirepass", "the-right-one"); // the test's own connection stays signed in
            var environment = Ports();
            environment["Security__Open"] = "true";
            environment["ConnectionStrings__Redis"] = $"{redis.ConnectionString},password=a-wrong-one";
            refused = await Cli.RunAsync([], environment);
            // A web front the same: it ran on for ever, "not ready: the operation has timed out".
            frontRefused = await Cli.RunAsync([], environment, program: SiloProcess.Front);

            // On a loaded machine the error that stops the start can be a timeout that names no cause: one connection tried then tells.
            var silent = new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.UnableToConnect, StackExchange.Redis.CommandFlags.None, "It was not possible to connect to the redis server(s)", null, StackExchange.Redis.CommandStatus.WaitingToBeSent);
            Assert.Contains("refused the credentials", RedisUnreachableAtStart.DescribeRefusedPassword(silent, environment["ConnectionStrings__Redis"]));
        }
        finally
        {
            await redis.DisposeAsync();
        }

        Assert.True(refused.ExitCode == ConfigurationError.ExitCode, $"exit {refused.ExitCode}, not 78 (a setting to fix, not a wait):\n{refused.All}");
        var line = refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.Equal($"cxlive: cannot start: Redis at '{redis.ConnectionString}' refused the credentials: correct the password (and user, if it has one) in ConnectionStrings:Redis.", line);
        Assert.DoesNotContain("a-wrong-one", refused.All);
        SaidOnceInTheLastLine(refused);
        Assert.True(frontRefused.ExitCode == ConfigurationError.ExitCode, $"front: exit {frontRefused.ExitCode}, not 78:\n{frontRefused.All}");
        Assert.Equal($"cxlive-front: cannot start: Redis at '{redis.ConnectionString}' refused the credentials: correct the password (and user, if it has one) in ConnectionStrings:Redis.",
            frontRefused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        Assert.DoesNotContain("a-wrong-one", frontRefused.All);
    }

    [Fact]
    public async Task An_HTTP_address_another_process_listens_on_ends_in_a_line_naming_the_setting_not_an_unhandled_exception()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var environment = Ports();
        environment["Security__Open"] = "true";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        var refused = await Cli.RunAsync([], environment);

        // Refused before the silo starts: Kestrel binds only beside a started silo, which in Redis mode
        // had joined the cluster and hosted grains for ~11 s (the operator trial), and whose teardown
        // Orleans logged in 37 lines above the reason. Now the line is all, and the exit code says "configuration".
        Assert.Equal(ConfigurationError.ExitCode, refused.ExitCode);
        var line = Assert.Single(refused.All.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"cxlive: cannot start: The web address {environment["ASPNETCORE_URLS"]} (--urls or ASPNETCORE_URLS) is already in use: another process listens there; give this one its own.", line);
        Assert.DoesNotContain("Hosting failed to start", refused.All); // the host's own block repeating the line's exception
        Assert.DoesNotContain("Silo shutdown", refused.All); // (a loaded machine may add Orleans' watchdog warning, from before the failure)
        Assert.DoesNotContain("Lifecycle stop", refused.All);
        SaidOnceInTheLastLine(refused);
    }

    [Fact]
    public async Task A_silo_whose_Redis_does_not_answer_ends_by_itself_with_a_line_naming_the_setting_and_a_status_to_restart_on()
    {
        // Nothing listens on that port: Redis is down, or the address is wrong. The silo used to stay
        // up, live but never ready, until killed: a service manager never restarted it.
        var environment = Ports();
        environment["Security__Open"] = "true";
        var redis = $"127.0.0.1:{FreePorts.Next()}";
        environment["ConnectionStrings__Redis"] = redis + ",password=hunter2-secret";

        var refused = await Cli.RunAsync([], environment);

        Assert.Equal(RedisUnreachableAtStart.ExitCode, refused.ExitCode); // not 78: deploy/cxlive.service restarts on it
        var line = refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        // The reason is the socket's ("Connection refused"); on a loaded machine the command that
        // stops the start can time out before the refusal is seen, and the line says that instead.
        Assert.Matches($@"^cxlive: cannot start: Redis at '{System.Text.RegularExpressions.Regex.Escape(redis)}' \(ConnectionStrings:Redis\) does not answer: (Connection refused|[^.]*[Tt]ime ?d? ?out[^.]*)\. Start Redis", line);
        SaidOnceInTheLastLine(refused);
        Assert.DoesNotContain("hunter2", refused.All); // the line goes to the journal: the address, never the password
    }

    [Fact]
    public async Task Hash_password_at_a_terminal_shows_nothing_of_the_password_and_prints_a_hash_that_verifies()
    {
        const string Password = "correct horse battery";

        var (exitCode, screen) = await Cli.AtTerminalAsync("hash-password", ("Password: ", Password), ("Again, to be sure: ", Password));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("horse", screen);
        var hash = Assert.Single(screen.Split('\n', StringSplitOptions.TrimEntries), l => l.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal));
        Assert.True(PasswordHash.Verify(Password, hash));
    }

    [Fact]
    public async Task Hash_password_refuses_an_empty_password_two_that_differ_and_one_on_the_command_line()
    {
        var (emptyExit, emptyScreen) = await Cli.AtTerminalAsync("hash-password", ("Password: ", ""));
        Assert.Equal(PasswordCommand.Refused, emptyExit);
        Assert.Contains("refused: the password is empty", emptyScreen);
        Assert.DoesNotContain("pbkdf2", emptyScreen);

        var (differExit, differScreen) = await Cli.AtTerminalAsync("hash-password", ("Password: ", "one password"), ("Again, to be sure: ", "another"));
        Assert.Equal(PasswordCommand.Refused, differExit);
        Assert.DoesNotContain("pbkdf2", differScreen);

        var piped = await Cli.RunAsync(["hash-password"], input: "\n");
        Assert.Equal(PasswordCommand.Refused, piped.ExitCode);
        Assert.Equal("", piped.Out);

        var argument = await Cli.RunAsync(["hash-password", "hunter2"]);
        Assert.Equal(Commands.Usage, argument.ExitCode);
        Assert.DoesNotContain("pbkdf2", argument.Out);
    }

    [Fact]
    public async Task Hash_password_reads_a_piped_password_and_prints_only_the_hash_on_standard_output()
    {
        var piped = await Cli.RunAsync(["hash-password"], input: "s3cret-from-a-vault\n");

        Assert.Equal(0, piped.ExitCode);
        Assert.True(PasswordHash.Verify("s3cret-from-a-vault", piped.Out.Trim()));
    }

    [Fact]
    public async Task New_api_key_prints_a_key_once_and_the_hash_that_admits_it()
    {
        var made = await Cli.RunAsync(["new-api-key", "acme-web"]);

        Assert.Equal(0, made.ExitCode);
        var key = System.Text.RegularExpressions.Regex.Match(made.Out, @"cxk_[A-Za-z0-9_-]+").Value;
        Assert.Contains($"Security__ApiKeys__0__Sha256={ApiKeyHash.Of(key)}", made.Out);
        Assert.Contains("Security__ApiKeys__0__Name=acme-web", made.Out);

        var nameless = await Cli.RunAsync(["new-api-key"]);
        Assert.Equal(Commands.Usage, nameless.ExitCode);
        Assert.Contains("the integrator's name", nameless.Err);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_rather_than_starting_CxLive()
    {
        var typo = await Cli.RunAsync(["hash-pasword"]);

        Assert.Equal(Commands.Usage, typo.ExitCode);
        Assert.Contains("unknown command 'hash-pasword'", typo.Err);
    }
}
