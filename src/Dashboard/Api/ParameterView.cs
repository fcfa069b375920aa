namespace CxLive.Dashboard.Api;

/// <summary>A parameter's name, kind (<c>count</c>, <c>duration</c> as hh:mm:ss, <c>number</c>), default and meaning.</summary>
public sealed record ParameterView(string Name, string Kind, string Default, string Description);
