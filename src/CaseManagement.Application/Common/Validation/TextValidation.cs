using FluentValidation;

namespace CaseManagement.Application.Common.Validation;

/// <summary>The two kinds of text field: a line (names, identifiers, codes) and a paragraph (notes, addresses).</summary>
public static class TextValidation
{
    /// <summary>One line: no control characters at all, no bidirectional controls, not only white space.</summary>
    public static IRuleBuilderOptions<T, string?> Line<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || (TextRules.IsSingleLine(v) && !TextRules.IsBlank(v)))
            .WithMessage("Use one line of text, without control characters, and not only spaces.").WithErrorCode("Text.Line");

    /// <summary>Free text: tab and line breaks allowed, other control characters not, and not only white space.</summary>
    public static IRuleBuilderOptions<T, string?> Paragraph<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || (TextRules.IsWellFormed(v) && !TextRules.IsBlank(v)))
            .WithMessage("Remove control characters; the text cannot be only spaces.").WithErrorCode("Text.Paragraph");
}
