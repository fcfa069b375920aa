using System.Collections.Frozen;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Detection;

/// <summary>
/// A rule's settings, validated and parsed once, so a detector reads typed values on the hot path
/// without parsing text per interaction.
/// </summary>
public sealed class ActiveRule
{
    private readonly FrozenDictionary<string, object> _values;

    internal ActiveRule(RuleDefinition definition, RuleSettings settings, FrozenDictionary<string, object> values)
    {
        Definition = definition;
        Settings = settings;
        _values = values;
    }

    public RuleDefinition Definition { get; }

    public RuleSettings Settings { get; }

    public string RuleId => Definition.RuleId;

    public bool Enabled => Settings.Enabled;

    public Severity Severity => Settings.Severity;

    /// <summary>Every parameter's value in force, as text: the set ones, and the defaults of the rest.</summary>
    public IReadOnlyDictionary<string, string> ParameterValues() =>
        Definition.Parameters.ToDictionary(p => p.Name, p => Settings.Parameters.GetValueOrDefault(p.Name, p.Default), StringComparer.Ordinal);

    public int Count(string name) => (int)_values[name];

    public TimeSpan Duration(string name) => (TimeSpan)_values[name];

    public double Number(string name) => (double)_values[name];
}
