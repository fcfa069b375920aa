using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Client;

/// <summary>The journey stage.</summary>
public enum CxStage { Discover, Research, Purchase, Receive, Service, Share }
