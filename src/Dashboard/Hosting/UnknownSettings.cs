using System.Collections;
using System.ComponentModel;
using System.Reflection;
using CxLive.Dashboard.Text;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// Refuses a start with a setting CxLive would silently ignore: a key under one of CxLive's own
/// sections that names no property of the options class bound there. The binder skips such keys, so
/// <c>--Ingestion:MaxItemsPerReqest=5</c> started healthy with the default limit while the operator
/// believed one was set. Third-party sections (Logging, Orleans, Kestrel, ...) are not looked at.
/// </summary>
public static class UnknownSettings
{
    /// <summary>
    /// The keys CxLive reads by name, not through an options class of its own: beside one
    /// (<see cref="Ingestion.ShutdownDrainOptions"/> holds only <c>Shutdown:Drain</c> and <c>Shutdown:Timeout</c>), or in a
    /// section of <see cref="ReadByNameOnly"/>.
    /// </summary>
    private static readonly string[] ReadByName =
    [
        "Shutdown:LeaveTimeout", "Shutdown:ExitAfter",
        "Web:Enabled",
        "DataProtection:Certificate", "DataProtection:CertificatePassword",
        "OrleansDashboard:Enabled", "OrleansDashboard:CounterUpdateIntervalMs",
        "Orleans:Endpoints:SiloPort", "Orleans:Endpoints:GatewayPort", "Orleans:Endpoints:AdvertisedIPAddress",
    ];

    /// <summary>
    /// Sections whose every key CxLive reads by name (<see cref="ReadByName"/>): any other key in them
    /// is ignored. <c>Web__Enable=false</c> started a silo with its pages on; <c>DataProtection__Certifcate</c>
    /// kept the key ring in Redis unencrypted; <c>OrleansDashboard__Username</c> protects nothing
    /// (the dashboard is for CxLive's admins).
    /// </summary>
    private static readonly string[] ReadByNameOnly = ["Web", "DataProtection", "OrleansDashboard", "Orleans:Endpoints"];

    /// <summary>
    /// What CxLive reads under <c>Orleans</c>. Orleans may read other keys there itself, so only a
    /// near miss (one edit, or the same letters) of one of these is refused (<c>Orleans__Membrship__ProbeTimeout</c>); the sub-sections
    /// bound to Orleans' own options (<c>Membership</c>, <c>Messaging</c>) are checked key by key by
    /// the silo, which has their types (<see cref="Refuse"/>).
    /// </summary>
    private static readonly string[] OrleansKeys = ["ServiceId", "ClusterId", "Endpoints", "Membership", "Messaging"];

    /// <summary>
    /// Sections CxLive reads that no CxLive options class owns: a top-level key a typo away from one
    /// of these, or from one of CxLive's own, is refused too (<c>Privcy__PseudonymKey</c> started a
    /// front with no key; <c>ConnectionString__Redis</c> a silo in memory). Only near misses, and only
    /// keys with keys under them: the environment's own variables (PATH, HOME, CONNECTION_STRING,
    /// MODE, ...) are top-level keys as well, and none has a child.
    /// </summary>
    private static readonly string[] OtherSections = ["ConnectionStrings", "Orleans", "OrleansDashboard", "Logging", "Kestrel", "Shutdown", "Web", "DataProtection", "AllowedHosts"];

    /// <summary>
    /// Throws a <see cref="ConfigurationError"/> (exit 78) naming every unknown key in CxLive's sections
    /// registered in <paramref name="services"/>, and in <paramref name="boundElsewhere"/>: sections CxLive
    /// binds to another library's options (<c>Orleans:Membership</c> to Orleans' membership options).
    /// </summary>
    public static void Refuse(IConfiguration configuration, IServiceCollection services, params (string Section, Type Options)[] boundElsewhere)
    {
        if (Describe(configuration, [.. OwnedSections(services), .. boundElsewhere]) is { } problem)
        {
            throw new ConfigurationError(problem);
        }
    }

    /// <summary>
    /// Every CxLive options class the host binds from configuration, with its section: found from
    /// the registrations themselves (binding one registers its change-token source), so a new
    /// options class is checked without being listed here. Each names its section in a
    /// <c>Section</c> constant, as every one of them does.
    /// </summary>
    public static IReadOnlyList<(string Section, Type Options)> OwnedSections(IServiceCollection services) =>
    [
        .. services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("CxLive.", StringComparison.Ordinal) == true)
            .Distinct()
            .Select(t => (SectionOf(t), t)),
    ];

    /// <summary>The one-line refusal, or null when every key in <paramref name="sections"/> names a setting.</summary>
    /// <param name="sectionNames">Also look at what is read by name, and for top-level names a typo away from a section's: at start, when every section is given; not for one section read again.</param>
    public static string? Describe(IConfiguration configuration, IEnumerable<(string Section, Type Options)> sections, bool sectionNames = true)
    {
        var owned = sections.ToList();
        var unknown = new List<string>();
        foreach (var (section, options) in owned)
        {
            Walk(configuration.GetSection(section), options, unknown);
        }

        if (sectionNames)
        {
            foreach (var section in ReadByNameOnly)
            {
                NamedOnly(configuration.GetSection(section), ReadByName, unknown);
            }

            // A near miss only, one edit away: Orleans reads keys of its own there (Clustering is two
            // from ClusterId). What is bound whole is walked above.
            foreach (var key in configuration.GetSection("Orleans").GetChildren().Where(c => !OrleansKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            {
                if (Spelling.Closest(key.Key, OrleansKeys, edits: 1) is { } near)
                {
                    unknown.Add($"{key.Path} (did you mean Orleans:{near}?)");
                }
            }

            string[] known = [.. owned.Select(s => s.Section.Split(':')[0]).Concat(OtherSections).Distinct(StringComparer.OrdinalIgnoreCase)];
            // A section has keys under it (Privcy__PseudonymKey); a plain variable (CONNECTION_STRING, MODE) has none.
            foreach (var top in configuration.GetChildren().Where(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase) && c.GetChildren().Any()))
            {
                if (Spelling.Closest(top.Key, known, top.Key.Length <= 4 ? 1 : 2) is { } near)
                {
                    unknown.Add($"{top.Key} (did you mean {near}?)");
                }
            }
        }

        return unknown.Count switch
        {
            0 => null,
            1 => $"unknown setting {unknown[0]}: CxLive would ignore it; correct or remove it (docs/configuration.md lists every setting).",
            _ => $"unknown settings {string.Join(", ", unknown)}: CxLive would ignore them; correct or remove them (docs/configuration.md lists every setting).",
        };
    }

    private static string SectionOf(Type options) =>
        options.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{options.FullName} is bound from configuration but has no 'public const string Section' naming its section: UnknownSettings cannot check it.");

    /// <summary>Each child key of <paramref name="node"/> must be something <paramref name="type"/> binds; unknown ones go to <paramref name="unknown"/>, with a suggestion.</summary>
    private static void Walk(IConfigurationSection node, Type type, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (DictionaryValue(type) is { } value)
        {
            // Any key (the entries are the operator's: rule ids, type:outcome pairs); an entry that is
            // itself an options class (Detection:Rules:{id}) is checked property by property.
            if (IsObject(value))
            {
                foreach (var entry in node.GetChildren())
                {
                    Walk(entry, value, unknown);
                }
            }

            return;
        }

        if (ListElement(type) is { } element)
        {
            // The binder takes every child as an element, whatever its key (0, 1, ...).
            foreach (var item in node.GetChildren())
            {
                Walk(item, element, unknown);
            }

            return;
        }

        var properties = IsObject(type) ? Settings(type) : [];
        foreach (var child in node.GetChildren())
        {
            if (properties.FirstOrDefault(p => string.Equals(NameOf(p), child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                Walk(child, property.PropertyType, unknown);
            }
            else
            {
                if (!ReadByName.Contains(child.Path, StringComparer.OrdinalIgnoreCase))
                {
                    // Keys read by name beside the class are suggested too: Shutdown:LeaveTimout was refused with none.
                    var byName = ReadByName.Where(n => n.StartsWith(node.Path + ":", StringComparison.OrdinalIgnoreCase) && n.LastIndexOf(':') == node.Path.Length).Select(n => n[(node.Path.Length + 1)..]);
                    unknown.Add(Spelling.Closest(child.Key, properties.Select(NameOf).Concat(byName)) is { } near ? $"{child.Path} (did you mean {node.Path}:{near}?)" : child.Path);
                }
            }
        }
    }

    /// <summary>Each child key of <paramref name="node"/> must be one of <paramref name="names"/> (full paths); unknown ones go to <paramref name="unknown"/>, with a suggestion.</summary>
    private static void NamedOnly(IConfigurationSection node, string[] names, List<string> unknown)
    {
        var known = names.Where(n => n.StartsWith(node.Path + ":", StringComparison.OrdinalIgnoreCase)).Select(n => n[(node.Path.Length + 1)..]).ToList();
        foreach (var child in node.GetChildren().Where(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            unknown.Add(Spelling.Closest(child.Key, known) is { } near ? $"{child.Path} (did you mean {node.Path}:{near}?)" : child.Path);
        }
    }

    /// <summary>
    /// What the binder can set: a property with a setter, or one it fills in place (a list, a nested
    /// class); not a computed one (<c>Security:Active</c>, an interface it cannot add to).
    /// </summary>
    private static PropertyInfo[] Settings(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                && (p.SetMethod?.IsPublic == true || (!IsScalar(p.PropertyType) && !p.PropertyType.IsInterface))),
    ];

    private static string NameOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    /// <summary>A value the binder converts from text (numbers, strings, durations, enums, ...).</summary>
    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
    }

    private static bool IsObject(Type type) => !IsScalar(type) && DictionaryValue(type) is null && ListElement(type) is null;

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ListElement(Type type) =>
        type.IsArray ? type.GetElementType()
        : !IsScalar(type) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[0]
        : null;
}
