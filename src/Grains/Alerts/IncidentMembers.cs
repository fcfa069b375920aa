using CxLive.Contracts.Alerts;

namespace CxLive.Grains.Alerts;

/// <summary>
/// The customer alerts each of a partition's incidents absorbed, and their customers. Kept beside
/// the incident rather than in it, and stored one record per member (<see cref="Record"/>): a
/// search outage gathers tens of thousands of alerts, and an incident that carried them all was
/// copied, stored and pushed whole each time one more joined, so every alert of an outage cost
/// more than the last. The incident itself carries the counts.
/// </summary>
public sealed class IncidentMembers
{
    private const char Separator = '|'; // alert and incident ids are a partition number and hex digits

    /// <summary>incident → alert → customer.</summary>
    private readonly Dictionary<string, Dictionary<string, string>> _alerts = new(StringComparer.Ordinal);

    /// <summary>incident → customer → how many of its alerts joined (a customer counts once, however many).</summary>
    private readonly Dictionary<string, Dictionary<string, int>> _customers = new(StringComparer.Ordinal);

    /// <summary>The record that stores one member: <c>n:{incident}|{alert}</c>, its value the customer's id.</summary>
    public static string Record(string incidentId, string alertId) => BookRecords.MemberPrefix + incidentId + Separator + alertId;

    /// <summary>Reads a member record's name (without its prefix) back into its incident and alert.</summary>
    public static bool TryParse(string name, out string incidentId, out string alertId)
    {
        var at = name.LastIndexOf(Separator);
        (incidentId, alertId) = at > 0 ? (name[..at], name[(at + 1)..]) : ("", "");
        return at > 0;
    }

    /// <summary>Adds a member; false if the alert had joined already.</summary>
    public bool Add(string incidentId, string alertId, string customerId)
    {
        if (!_alerts.TryGetValue(incidentId, out var alerts))
        {
            _alerts[incidentId] = alerts = new(StringComparer.Ordinal);
            _customers[incidentId] = new(StringComparer.Ordinal);
        }

        if (!alerts.TryAdd(alertId, customerId))
        {
            return false;
        }

        var customers = _customers[incidentId];
        customers[customerId] = customers.GetValueOrDefault(customerId) + 1;
        return true;
    }

    public string? CustomerOf(string incidentId, string alertId) =>
        _alerts.TryGetValue(incidentId, out var alerts) ? alerts.GetValueOrDefault(alertId) : null;

    public IReadOnlyCollection<string> AlertsOf(string incidentId) =>
        _alerts.TryGetValue(incidentId, out var alerts) ? alerts.Keys : [];

    /// <summary>Distinct customers, without the placeholder of members whose customer an older layout did not keep.</summary>
    public IReadOnlyCollection<string> CustomersOf(string incidentId) =>
        _customers.TryGetValue(incidentId, out var customers) ? customers.Keys : [];

    public int AlertCount(string incidentId) => _alerts.TryGetValue(incidentId, out var alerts) ? alerts.Count : 0;

    public int CustomerCount(string incidentId) => _customers.TryGetValue(incidentId, out var customers) ? customers.Count : 0;
}
