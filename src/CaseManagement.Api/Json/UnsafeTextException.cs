using System.Text.Json;

namespace CaseManagement.Api.Json;

/// <summary>A string in the body holds a control character or is not valid Unicode.</summary>
internal sealed class UnsafeTextException() : JsonException("The text holds control characters or invalid Unicode.");
