using CxLive.Dashboard.Redis;
using Orleans.Serialization;
using Orleans.Storage;

namespace CxLive.Silo.Redis;

/// <summary>
/// Grain state for Redis, in the Orleans binary format, byte for byte what Orleans' own
/// <see cref="OrleansGrainStorageSerializer"/> writes and reads (so state written by either reads
/// with the other). It differs in how it writes: Orleans' serializer grows a fresh
/// <c>ArrayBufferWriter</c> from 256 bytes for every write, so a customer's ~5 KB state cost six
/// arrays and as many copies; this one serializes into the serializer's pooled buffers and allocates
/// the result once, at its exact size. In Redis mode every checkpoint writes thousands of customers:
/// serializing them was a fifth of the silo's CPU, much of it that growing and copying, and the
/// garbage it left (dotnet-trace, docs/benchmark-log.md).
/// </summary>
public sealed class StateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T Deserialize<T>(BinaryData input) => serializer.Deserialize<T>(input.ToMemory())!;
}
