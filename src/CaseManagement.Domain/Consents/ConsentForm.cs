namespace CaseManagement.Domain.Consents;

public enum ConsentForm
{
    /// <summary>Signed; the document reference says where the paper is.</summary>
    Written = 1,

    /// <summary>Spoken; a witness is named.</summary>
    Verbal = 2,
}
