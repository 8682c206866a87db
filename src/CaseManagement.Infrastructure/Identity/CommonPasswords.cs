using System.Reflection;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>
/// The list of common passwords shipped with the project (see CommonPasswords/README.md for its
/// origin and licence), read from the assembly once and kept as a set of folded entries.
/// </summary>
public static class CommonPasswords
{
    private const string Resource = "CaseManagement.Infrastructure.Identity.CommonPasswords.common-passwords.txt";
    private static readonly Lazy<HashSet<string>> Entries = new(Load);

    public static int Count => Entries.Value.Count;

    /// <summary>True when the folded password (see <see cref="PasswordPolicy.Folded"/>) is on the list.</summary>
    public static bool Contains(string folded) => Entries.Value.Contains(folded);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var entries = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                entries.Add(PasswordPolicy.Folded(line));
            }
        }

        return entries;
    }
}
