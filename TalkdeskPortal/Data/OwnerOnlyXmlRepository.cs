using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TalkdeskPortal.Data;

/// <summary>
/// The file-system key repository, with each key file readable by the portal's user only (0600) on Unix.
/// The folder itself is made 0700 by <see cref="KeyRing"/>; this also covers a folder an operator loosened.
/// </summary>
internal sealed class OwnerOnlyXmlRepository(DirectoryInfo directory, ILoggerFactory loggers)
    : FileSystemXmlRepository(directory, loggers)
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public override void StoreElement(XElement element, string friendlyName)
    {
        base.StoreElement(element, friendlyName);
        Tighten(Directory);
    }

    public static void Tighten(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows() || !directory.Exists) return;
        foreach (var file in directory.EnumerateFiles("*.xml"))
        {
            if ((File.GetUnixFileMode(file.FullName) & ~FileMode) != 0) File.SetUnixFileMode(file.FullName, FileMode);
        }
    }
}
