namespace Marketplace.Testing;

/// <summary>Lower-case letter prefixes so each test class gets its own tables, containers and queues in one Azurite.</summary>
public static class UniqueNames
{
    private static int counter;

    public static string Prefix()
    {
        var n = Interlocked.Increment(ref counter) + (Environment.ProcessId % 1000) * 1000;
        var letters = new char[6];
        for (var i = letters.Length - 1; i >= 0; i--)
        {
            letters[i] = (char)('a' + n % 26);
            n /= 26;
        }
        return "t" + new string(letters);
    }
}
