namespace TalkdeskPortal.Data;

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the Data Protection key ring at rest. Without it
/// the keys that protect every customer's private key sit in clear beside the database.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    // A PKCS#12 (.pfx) file with an RSA certificate and its private key; relative paths resolve against the content root.
    public string? CertificatePath { get; set; }

    // A secret: set it by environment (DataProtection__CertificatePassword), not in a file.
    public string? CertificatePassword { get; set; }

    // Certificates that encrypted keys earlier: after a certificate is replaced, older keys still decrypt with these.
    public List<PreviousCertificate> PreviousCertificates { get; set; } = [];

    public bool Configured => !string.IsNullOrWhiteSpace(CertificatePath);
}

public sealed class PreviousCertificate
{
    public string? Path { get; set; }
    public string? Password { get; set; }
}
