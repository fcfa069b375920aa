using CxLive.Contracts.Alerts;
using Orleans.Serialization;

namespace CxLive.Grains.Alerts;

/// <summary>
/// How an alert partition is stored: one record per alert ("a:" + id), incident ("i:" + id),
/// customer budget ("b:" + customer), fold ("f:" + fingerprint) and incident member ("n:" + incident
/// + "|" + alert, its customer as the value), plus the sequence and the
/// stats figures, each in Orleans' binary format. A change writes only the records it touched
/// (<see cref="AlertBookState.Dirty"/>): an acknowledgement costs one alert, not the partition.
/// </summary>
public sealed class BookRecords(Serializer serializer)
{
    public const string SequenceRecord = "m:sequence";
    public const string FiguresRecord = "m:figures";
    public const string MemberPrefix = "n:";

    public static string AlertRecord(string id) => "a:" + id;
    public static string IncidentRecord(string id) => "i:" + id;
    public static string Budget(string customerId) => "b:" + customerId;
    public static string Fold(string fingerprint) => "f:" + fingerprint;

    public static string Scope(int partition) => "alerts-" + partition;

    public AlertBookState Read(int partition, IReadOnlyDictionary<string, byte[]> records)
    {
        var state = new AlertBookState { Partition = partition };
        foreach (var (name, value) in records)
        {
            var key = name[2..];
            switch (name[..2])
            {
                case "a:": state.ById[key] = serializer.Deserialize<Alert>(value)!; break;
                case "i:": state.Incidents[key] = serializer.Deserialize<Incident>(value)!; break;
                case "b:": state.RaisedByCustomer[key] = serializer.Deserialize<List<DateTimeOffset>>(value)!; break;
                case "f:": state.FoldedInto[key] = serializer.Deserialize<string>(value)!; break;
                case "m:" when name == SequenceRecord: state.Sequence = serializer.Deserialize<long>(value); break;
                case "m:" when name == FiguresRecord: state.Figures = serializer.Deserialize<StatsFigures>(value)!; break;
                case MemberPrefix when IncidentMembers.TryParse(key, out var incident, out var alert):
                    state.Members.Add(incident, alert, serializer.Deserialize<string>(value)!);
                    break;
            }
        }

        foreach (var listed in state.Incidents.Values.Where(i => i.AlertIds.Length > 0).ToList())
        {
            MoveListedMembers(state, listed);
        }

        state.Reindex();
        return state;
    }

    /// <summary>The records changed since the last write, with their current values (null: removed), and forgets that they changed.</summary>
    public List<KeyValuePair<string, byte[]?>> TakeChanges(AlertBookState state)
    {
        var records = new List<KeyValuePair<string, byte[]?>>(state.Dirty.Count);
        foreach (var name in state.Dirty)
        {
            var key = name[2..];
            byte[]? value = name[..2] switch
            {
                "a:" => state.ById.TryGetValue(key, out var alert) ? serializer.SerializeToArray(alert) : null,
                "i:" => state.Incidents.TryGetValue(key, out var incident) ? serializer.SerializeToArray(incident) : null,
                "b:" => state.RaisedByCustomer.TryGetValue(key, out var raised) ? serializer.SerializeToArray(raised) : null,
                "f:" => state.FoldedInto.TryGetValue(key, out var host) ? serializer.SerializeToArray(host) : null,
                MemberPrefix => IncidentMembers.TryParse(key, out var incident, out var alert) && state.Members.CustomerOf(incident, alert) is { } customer
                    ? serializer.SerializeToArray(customer) : null,
                _ when name == SequenceRecord => serializer.SerializeToArray(state.Sequence),
                _ when name == FiguresRecord => serializer.SerializeToArray(state.Figures),
                _ => null,
            };
            records.Add(KeyValuePair.Create(name, value));
        }

        state.Dirty.Clear();
        return records;
    }

    /// <summary>
    /// An incident stored by the first partitioned layout, which listed its members inside it: they
    /// become member records and the incident keeps only the counts, written on the next change. That
    /// layout did not say which customer each alert came from, so an alert held by this partition
    /// takes its own customer and the others take the listed customers not yet placed, in order:
    /// both counts, and the list of customers, come out as they were.
    /// </summary>
    private static void MoveListedMembers(AlertBookState state, Incident listed)
    {
        var local = listed.AlertIds.Select(a => state.ById.GetValueOrDefault(a)?.CustomerId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unplaced = new Queue<string>(listed.Customers.Where(c => !local.Contains(c)));
        var last = listed.Customers.IsDefaultOrEmpty ? "" : listed.Customers[^1];
        foreach (var alert in listed.AlertIds)
        {
            var customer = state.ById.GetValueOrDefault(alert)?.CustomerId ?? (unplaced.Count > 0 ? unplaced.Dequeue() : last);
            state.Members.Add(listed.Id, alert, customer);
            state.Dirty.Add(IncidentMembers.Record(listed.Id, alert));
        }

        state.Incidents[listed.Id] = listed with
        {
            AlertIds = [],
            Customers = [],
            AbsorbedAlerts = state.Members.AlertCount(listed.Id),
            AffectedCustomers = state.Members.CustomerCount(listed.Id),
        };
        state.Dirty.Add(IncidentRecord(listed.Id));
    }
}
