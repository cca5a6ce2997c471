using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TalkdeskPortal.Talkdesk;

namespace TalkdeskPortal.Webhooks.Signatures;

/// <summary>
/// <c>X-Hub-Ecdsa-Signature</c>: ECDSA with SHA-512 over the raw body, by the key that
/// <c>X-Hub-Ecdsa-Signature-Id</c> names, served as Base64 at <c>{root}/events/signature-keys/{id}</c> (root =
/// the event's allow-listed API host). A key is fetched once and cached.
/// </summary>
public sealed class EcdsaSignatureCheck(IOptionsMonitor<SignatureOptions> options, IHttpClientFactory httpClients, ILogger<EcdsaSignatureCheck> logger)
    : IEventSignatureCheck
{
    public const string Header = "X-Hub-Ecdsa-Signature";
    public const string KeyIdHeader = "X-Hub-Ecdsa-Signature-Id";
    public const string HttpClientName = "talkdesk-signature-keys";

    private readonly ConcurrentDictionary<string, Lazy<Task<ECDsa?>>> _keys = new();

    public bool Enabled => options.CurrentValue.Ecdsa.Enabled;

    public async Task<string?> CheckAsync(HttpRequest request, ReadOnlyMemory<byte> body, ParsedEvent parsed, CancellationToken ct)
    {
        var signatureText = request.Headers[Header].ToString();
        var keyId = request.Headers[KeyIdHeader].ToString();
        if (string.IsNullOrEmpty(signatureText) || string.IsNullOrEmpty(keyId)) return $"The {Header} or {KeyIdHeader} header is missing.";
        if (!EventEnvelopeParser.IsValidId(keyId)) return $"The {KeyIdHeader} header is malformed.";
        if (parsed.ApiRoot is null) return "The event names no Talkdesk API root to fetch its signing key from.";
        byte[] signature;
        try { signature = Convert.FromBase64String(signatureText); }
        catch (FormatException) { return $"The {Header} value is not Base64."; }

        var cacheKey = $"{parsed.ApiRoot.Authority}|{keyId}";
        var lazy = _keys.GetOrAdd(cacheKey, _ => new Lazy<Task<ECDsa?>>(() => FetchAsync(parsed.ApiRoot, keyId)));
        var key = await lazy.Value.WaitAsync(ct);
        if (key is null)
        {
            _keys.TryRemove(new(cacheKey, lazy)); // a key that could not be fetched is tried again next time
            return "The signing key could not be fetched from Talkdesk.";
        }
        var valid = key.VerifyData(body.Span, signature, HashAlgorithmName.SHA512, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                    || key.VerifyData(body.Span, signature, HashAlgorithmName.SHA512, DSASignatureFormat.Rfc3279DerSequence);
        return valid ? null : "The ECDSA signature does not match the body.";
    }

    private async Task<ECDsa?> FetchAsync(Uri apiRoot, string keyId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var text = await httpClients.CreateClient(HttpClientName)
                .GetStringAsync(TalkdeskEndpoints.Combine(apiRoot, $"events/signature-keys/{Uri.EscapeDataString(keyId)}"), timeout.Token);
            var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text.Trim().Trim('"')), out _);
            return key;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException or CryptographicException)
        {
            logger.LogWarning("Signing key {KeyId} could not be fetched: {Error}", keyId, ex.Message);
            return null;
        }
    }
}
