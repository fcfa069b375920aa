namespace CxLive.Grains.Agents;

/// <summary>
/// One agent. <see cref="Skills"/> are the channels they reach customers on (wire names such as
/// <c>call-center</c>, <c>email</c>, <c>chat</c>), or <c>*</c> for any; none listed means any.
/// </summary>
public sealed class AgentOptions
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }

    /// <summary>Empty by default: configuration binding appends to a list, so a default entry would join every configured list.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>This agent's capacity; null: <see cref="OutreachOptions.Capacity"/>.</summary>
    public int? Capacity { get; set; }

    public IReadOnlyList<string> EffectiveSkills => Skills.Count == 0 ? ["*"] : Skills;
}
