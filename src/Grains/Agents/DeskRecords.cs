using CxLive.Contracts.Agents;
using Orleans.Serialization;

namespace CxLive.Grains.Agents;

/// <summary>
/// How an outreach desk is stored: one record per prompt ("p:" + id), one per report still to be
/// followed up ("f:" + id, <see cref="OutreachState.FollowUps"/>) and two small counters, in
/// Orleans' binary format. A new, withdrawn or reported prompt writes that prompt alone, so a desk
/// holding thousands of unreported prompts costs no more per change than an empty one.
/// </summary>
public sealed class DeskRecords(Serializer serializer)
{
    public const string TurnRecord = "m:turn";
    public const string SequenceRecord = "m:sequence";

    public static string PromptRecord(string id) => "p:" + id;

    public static string FollowUpRecord(string id) => "f:" + id;

    public static string Scope(int partition) => "outreach-" + partition;

    public OutreachState Read(IReadOnlyDictionary<string, byte[]> records)
    {
        var state = new OutreachState();
        foreach (var (name, value) in records)
        {
            if (name.StartsWith("p:", StringComparison.Ordinal))
            {
                state.ById[name[2..]] = serializer.Deserialize<OutreachPrompt>(value)!;
            }
            else if (name.StartsWith("f:", StringComparison.Ordinal))
            {
                state.FollowUps[name[2..]] = serializer.Deserialize<OutreachPrompt>(value)!;
            }
            else if (name == TurnRecord)
            {
                state.NextInTurn = serializer.Deserialize<int>(value);
            }
            else if (name == SequenceRecord)
            {
                state.Sequence = serializer.Deserialize<long>(value);
            }
        }

        state.Order = [.. state.ById.Values.OrderBy(p => p.CreatedAt).ThenBy(p => p.Sequence).Select(p => p.Id)];
        state.Dirty.Clear();
        return state;
    }

    /// <summary>The records changed since the last write, with their current values (null: removed), and forgets that they changed.</summary>
    public List<KeyValuePair<string, byte[]?>> TakeChanges(OutreachState state)
    {
        var records = new List<KeyValuePair<string, byte[]?>>(state.Dirty.Count);
        foreach (var name in state.Dirty)
        {
            byte[]? value = name switch
            {
                TurnRecord => serializer.SerializeToArray(state.NextInTurn),
                SequenceRecord => serializer.SerializeToArray(state.Sequence),
                _ when name.StartsWith("f:", StringComparison.Ordinal) => state.FollowUps.TryGetValue(name[2..], out var reported) ? serializer.SerializeToArray(reported) : null,
                _ => state.ById.TryGetValue(name[2..], out var prompt) ? serializer.SerializeToArray(prompt) : null,
            };
            records.Add(KeyValuePair.Create(name, value));
        }

        state.Dirty.Clear();
        return records;
    }
}
