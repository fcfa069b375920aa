using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Redis;
using CxLive.Dashboard.Security;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Detection;
using CxLive.Grains.Experience;
using CxLive.Silo.Demo;
using CxLive.Silo.Hosting;
using CxLive.Tests.Unit.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Unit.Hosting;

/// <summary>A key in one of CxLive's sections that names no setting refuses the start instead of being ignored.</summary>
public sealed class UnknownSettingsTests
{
    private static readonly (string, Type)[] Sections =
    [
        (IngestionOptions.Section, typeof(IngestionOptions)),
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (DetectionOptions.Section, typeof(DetectionOptions)),
        (ExperienceOptions.Section, typeof(ExperienceOptions)),
        (ShutdownDrainOptions.Section, typeof(ShutdownDrainOptions)),
        (CxLive.Dashboard.Privacy.PrivacyOptions.Section, typeof(CxLive.Dashboard.Privacy.PrivacyOptions)),
    ];

    private static string? Check(params (string Key, string Value)[] settings) =>
        UnknownSettings.Describe(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            [.. Sections, .. OrleansHosting.BoundSections]);

    [Fact]
    public void A_misspelled_key_is_refused_naming_it_and_the_setting_it_was_close_to()
    {
        Assert.Equal(
            "unknown setting Ingestion:MaxItemsPerReqest (did you mean Ingestion:MaxItemsPerRequest?): CxLive would ignore it; correct or remove it (docs/configuration.md lists every setting).",
            Check(("Ingestion:MaxItemsPerReqest", "5")));
    }

    [Fact]
    public void Every_unknown_key_is_named_in_the_one_message_with_a_suggestion_only_where_one_is_close()
    {
        var problem = Check(("Ingestion:MaxItemsPerReqest", "5"), ("Security:Users:0:PasswordHsah", "x"), ("Security:Colour", "blue"), ("Detection:Rules:long-wait:Enabeld", "false"));

        Assert.NotNull(problem);
        Assert.StartsWith("unknown settings ", problem);
        Assert.Contains("Ingestion:MaxItemsPerReqest (did you mean Ingestion:MaxItemsPerRequest?)", problem);
        Assert.Contains("Security:Users:0:PasswordHsah (did you mean Security:Users:0:PasswordHash?)", problem); // same letters, two swapped
        Assert.Contains("Detection:Rules:long-wait:Enabeld (did you mean Detection:Rules:long-wait:Enabled?)", problem);
        Assert.Contains("Security:Colour,", problem + ",");
        Assert.DoesNotContain("Security:Colour (", problem);
    }

    [Fact]
    public void A_value_CxLive_sets_itself_from_another_setting_is_refused_where_an_operator_might_set_it()
    {
        // Customers:Retention was accepted, then overwritten from Privacy:CustomerRetention: no error and no effect.
        var problem = UnknownSettings.Describe(
            new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Customers:Retention", (string?)"7.00:00:00")]).Build(),
            [(CustomerOptions.Section, typeof(CustomerOptions))]);

        Assert.StartsWith("unknown setting Customers:Retention", problem);
    }

    [Fact]
    public void A_typo_of_a_key_read_by_name_beside_an_options_class_gets_its_suggestion()
    {
        // Shutdown holds Drain and Timeout (its class) and LeaveTimeout, ExitAfter (read by name): an operator's typos of these had no suggestion.
        var problem = Check(("Shutdown:LeaveTimout", "00:00:15"), ("Shutdown:ExitAftr", "00:01:05"));

        Assert.Contains("Shutdown:LeaveTimout (did you mean Shutdown:LeaveTimeout?)", problem);
        Assert.Contains("Shutdown:ExitAftr (did you mean Shutdown:ExitAfter?)", problem);
    }

    [Fact]
    public void A_section_name_a_typo_away_from_one_CxLive_reads_is_refused_but_the_environments_own_variables_are_not()
    {
        // Privcy__PseudonymKey started a front with no key; ConnectionString__Redis a silo in memory.
        var problem = Check(("Privcy:PseudonymKey", "k"), ("ConnectionString:Redis", "127.0.0.1:6379"), ("Ingestoin:MaxItemsPerRequest", "5"), ("Wbe:Enabled", "false"));

        Assert.NotNull(problem);
        Assert.Contains("Ingestoin (did you mean Ingestion?)", problem);
        Assert.Contains("Privcy (did you mean Privacy?)", problem);
        Assert.Contains("ConnectionString (did you mean ConnectionStrings?)", problem);
        Assert.Contains("Wbe (did you mean Web?)", problem);
        Assert.Null(Check(("PATH", "/usr/bin"), ("HOME", "/root"), ("LANG", "C.UTF-8"), ("HOSTNAME", "ci"), ("URLS", "http://127.0.0.1:5080"), ("ConnectionStrings:Redis", "127.0.0.1:6379"), ("Orleans:ClusterId", "c")));
        // Variables a shared env file may hold, a typo away from a section but with nothing under them (review).
        // One section read again (the security settings at a save) looks at that section alone: the
        // rest of the configuration is not weighed against a partial list of sections.
        Assert.Null(UnknownSettings.Describe(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Privcy:PseudonymKey", (string?)"k")]).Build(), Sections, sectionNames: false));
        Assert.Null(Check(("ALLOWED_HOSTS", "*"), ("CONNECTION_STRING", "x"), ("CONNECTIONSTRING", "x"), ("DATA_PROTECTION", "x"), ("MODE", "prod"), ("ALERT", "x"), ("PRIVACY_NOTE", "x")));
    }

    [Fact]
    public void Known_keys_nested_objects_lists_and_dictionary_entries_are_accepted_in_any_case()
    {
        Assert.Null(Check(
            ("ingestion:maxitemsperrequest", "5"),
            ("INGESTION:MaxClockSkew", "00:00:10"),
            ("Security:Oidc:Authority", "https://id.example"),
            ("Security:Users:0:Name", "ana"),
            ("Security:Users:0:Roles:0", "admin"),
            ("Security:ApiKeys:1:Sha256", "ab"),
            ("Detection:Rules:long-wait:Parameters:any-parameter", "00:10:00"),
            ("Experience:Valences:search:failure", "-4"), // a dictionary takes any key, even one with a colon
            ("Shutdown:Drain", "00:00:05"),
            ("Shutdown:LeaveTimeout", "00:00:15"), // read by name beside the options class
            ("Logging:LogLevel:Nonsense", "Warning"), // not CxLive's section
            ("Orleans:Whatever", "1")));
    }

    [Fact]
    public void The_settings_files_CxLive_ships_name_only_settings()
    {
        // What the silo binds (its test processes prove the registrations; here, the files themselves).
        var sections = UnknownSettings.OwnedSections(new ServiceCollection().AddCxCore().AddCxIngestion())
            .Concat([(SecurityOptions.Section, typeof(SecurityOptions)), (DemoOptions.Section, typeof(DemoOptions)),
                (StreamOptions.Section, typeof(StreamOptions)), (ApiReferenceOptions.Section, typeof(ApiReferenceOptions)), .. OrleansHosting.BoundSections]);
        foreach (var file in new[] { "src/Silo/appsettings.json", "deploy/appsettings.Production.example.json" })
        {
            var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(Repository.Root, file)).Build();
            Assert.True(UnknownSettings.Describe(settings, sections) is null, $"{file}: {UnknownSettings.Describe(settings, sections)}");
        }
    }

    [Fact]
    public void Keys_read_by_name_and_the_sections_bound_to_Orleans_options_are_checked_too()
    {
        // Web__Enable=false started a silo with its pages on; a misspelled membership timeout left
        // a dead silo noticed as late as before, with nothing said.
        var problem = Check(
            ("Web:Enable", "false"),
            ("DataProtection:Certifcate", "/etc/cxlive/keys.pfx"),
            ("OrleansDashboard:Username", "admin"),
            ("Orleans:Endpoints:SiloPrt", "11112"),
            ("Orleans:Membership:ProbeTimout", "00:00:02"),
            ("Orleans:Messaging:ResponseTimeut", "00:00:30"),
            ("Orleans:Membrship:ProbeTimeout", "00:00:02"));

        Assert.NotNull(problem);
        Assert.Contains("Web:Enable (did you mean Web:Enabled?)", problem);
        Assert.Contains("DataProtection:Certifcate (did you mean DataProtection:Certificate?)", problem);
        Assert.Contains("OrleansDashboard:Username,", problem + ","); // nothing near: the dashboard has CxLive's own sign-in
        Assert.Contains("Orleans:Endpoints:SiloPrt (did you mean Orleans:Endpoints:SiloPort?)", problem);
        Assert.Contains("Orleans:Membership:ProbeTimout (did you mean Orleans:Membership:ProbeTimeout?)", problem);
        Assert.Contains("Orleans:Messaging:ResponseTimeut (did you mean Orleans:Messaging:ResponseTimeout?)", problem);
        Assert.Contains("Orleans:Membrship (did you mean Orleans:Membership?)", problem);

        Assert.Null(Check(
            ("web:enabled", "false"),
            ("DataProtection:Certificate", "/etc/cxlive/keys.pfx"),
            ("DataProtection:CertificatePassword", "p"),
            ("OrleansDashboard:Enabled", "false"),
            ("OrleansDashboard:CounterUpdateIntervalMs", "5000"),
            ("Orleans:Endpoints:AdvertisedIPAddress", "10.0.0.5"),
            ("Orleans:Membership:NumMissedProbesLimit", "3"),
            ("Orleans:Messaging:ResponseTimeout", "00:00:30"),
            ("Orleans:ServiceId", "s"),
            ("Orleans:Clustering:ProviderType", "x"))); // Orleans' own keys, far from CxLive's: not ours to judge
    }

    [Fact]
    public void A_computed_property_is_not_a_setting()
    {
        // The first key that names nothing is reported, not the keys beneath it.
        Assert.Equal(
            "unknown setting Security:Active: CxLive would ignore it; correct or remove it (docs/configuration.md lists every setting).",
            Check(("Security:Active:0:Name", "x")));
    }

    [Fact]
    public void The_sections_come_from_the_options_classes_the_host_registers()
    {
        var sections = UnknownSettings.OwnedSections(new ServiceCollection().AddCxCore().AddCxIngestion());

        Assert.Contains((IngestionOptions.Section, typeof(IngestionOptions)), sections);
        Assert.Contains((AlertOptions.Section, typeof(AlertOptions)), sections);
        Assert.Contains((ShutdownDrainOptions.Section, typeof(ShutdownDrainOptions)), sections);
        Assert.DoesNotContain(sections, s => !s.Options.Namespace!.StartsWith("CxLive.", StringComparison.Ordinal));
    }
}
