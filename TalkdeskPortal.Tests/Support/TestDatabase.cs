using Microsoft.EntityFrameworkCore;
using TalkdeskPortal.Data;

namespace TalkdeskPortal.Tests.Support;

public static class TestDatabase
{
    /// <summary>Opens a portal's database while no portal is running on it (to stage a crash).</summary>
    public static PortalDbContext Open(string dataDirectory) => TestProvider.Open(dataDirectory);

    /// <summary>The database file and its write-ahead log, as bytes, to search for secrets.</summary>
    public static byte[] RawBytes(string dataDirectory) =>
        Directory.GetFiles(dataDirectory, "portal.db*").SelectMany(File.ReadAllBytes).ToArray();
}
