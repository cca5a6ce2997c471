using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace TalkdeskPortal.Sandbox;

/// <summary>Tells an options monitor to rebuild <typeparamref name="TOptions"/> once the portal's real address is known.</summary>
public sealed class SandboxAddressChangeTokenSource<TOptions>(SandboxAddress address) : IOptionsChangeTokenSource<TOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => address.GetChangeToken();
}
