using System.Text.Json;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// Why a field's JSON value could not be read, in the words a caller gets ("must be one of ...").
/// Thrown by <see cref="RequestJson"/>'s converters; the serializer adds the field's path.
/// </summary>
public sealed class FieldReason(string reason) : JsonException(reason);
