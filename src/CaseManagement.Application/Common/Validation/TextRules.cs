namespace CaseManagement.Application.Common.Validation;

/// <summary>What text the system accepts. Shared by the API's JSON reader and the validators, so every entry point applies the same rules.</summary>
public static class TextRules
{
    /// <summary>
    /// Valid Unicode (no lone surrogates, no noncharacters such as U+FFFE) without control
    /// characters, except tab and line breaks.
    /// </summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]) || (char.ConvertToUtf32(c, text[i + 1]) & 0xFFFE) == 0xFFFE)
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF')
                     || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Well formed, on one line, and without invisible format characters: bidirectional controls
    /// can make "Ana" display as another name, and a zero-width space makes "Maria" a name that
    /// search and duplicate detection no longer match. The joiners some scripts need stay.
    /// </summary>
    public static bool IsSingleLine(string text) =>
        IsWellFormed(text) && text.AsSpan().IndexOfAny(LineBreaks) < 0 && !text.Any(IsInvisibleFormat);

    /// <summary>A format character (Unicode category Cf) other than the zero-width joiner and non-joiner.</summary>
    public static bool IsInvisibleFormat(char c) =>
        char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c is not ('\u200C' or '\u200D');

    /// <summary>Text that holds something besides white space (an empty value counts as "not given").</summary>
    public static bool IsBlank(string text) => text.Length > 0 && string.IsNullOrWhiteSpace(text);

    /// <summary>An optional text as stored: trimmed, and null when nothing but white space was given.</summary>
    public static string? TrimmedOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Tab and line breaks, the Unicode line and paragraph separators included.</summary>
    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\t\n\r\u2028\u2029");
}
