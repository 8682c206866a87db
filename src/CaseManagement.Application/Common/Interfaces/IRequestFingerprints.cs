namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// A keyed one-way fingerprint of a text (an idempotency key, a request's canonical form): equal
/// texts give equal fingerprints, and without the server's key nobody can test a guess against one.
/// </summary>
public interface IRequestFingerprints
{
    /// <summary>64 upper-case hex digits.</summary>
    string Of(string text);
}
