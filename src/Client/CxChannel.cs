using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Client;

/// <summary>Where an interaction happened.</summary>
public enum CxChannel { Web, App, CallCenter, Chat, Email, Store, Social, Push, Sms, FieldService, Partner, Survey, Other }
