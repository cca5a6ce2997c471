namespace TalkdeskPortal.Tests.Support;

public static class TestData
{
    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "talkdeskportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
