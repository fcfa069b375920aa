using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Client;

public enum CxOutcome { Success, Failure, Abandoned }
