namespace CaseManagement.Application.Common.Validation;

/// <summary>What text the system accepts. Shared by the API's JSON reader and the validators, so every entry point applies the same rules.</summary>
public static class TextRules
{
    /// <summary>Valid Unicode (no lone surrogates) without control characters, except tab and line breaks.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Well formed, on one line, and without the controls that reorder how text is displayed.</summary>
    public static bool IsSingleLine(string text) =>
        IsWellFormed(text) && text.AsSpan().IndexOfAny(LineBreaksAndDirectionControls) < 0;

    /// <summary>Text that holds something besides white space (an empty value counts as "not given").</summary>
    public static bool IsBlank(string text) => text.Length > 0 && string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// Tab, line breaks, and the bidirectional embedding, override and isolate controls
    /// (U+202A–U+202E, U+2066–U+2069), which can make "Ana" display as another name.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> LineBreaksAndDirectionControls = System.Buffers.SearchValues.Create(
        "\t\n\r\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
