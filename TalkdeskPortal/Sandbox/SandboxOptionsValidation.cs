using Microsoft.Extensions.Options;

namespace TalkdeskPortal.Sandbox;

/// <summary>Refuses to start a Production portal with the sandbox on, unless that is said twice.</summary>
public sealed class SandboxOptionsValidation(IHostEnvironment environment) : IValidateOptions<SandboxOptions>
{
    public const string ProductionRefusal =
        "Sandbox:Enabled is true in Production. The sandbox hosts a fake Talkdesk whose endpoints answer anyone. " +
        "Turn it off, or also set Sandbox:AllowInProduction=true if this portal is meant for benchmarks or a demo.";

    public ValidateOptionsResult Validate(string? name, SandboxOptions options) =>
        options.Enabled && environment.IsProduction() && !options.AllowInProduction
            ? ValidateOptionsResult.Fail(ProductionRefusal)
            : ValidateOptionsResult.Success;
}
