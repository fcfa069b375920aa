using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CxLive.Grains.Storage;

/// <summary>
/// An interaction id as a 64-bit XxHash3 value: 8 bytes instead of the id's text. A stable hash,
/// so a set of them means the same after a restart reloads it.
/// </summary>
public static class IdHash
{
    public static ulong Of(string id) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()));
}
