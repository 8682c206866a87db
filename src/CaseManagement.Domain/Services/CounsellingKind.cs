namespace CaseManagement.Domain.Services;

public enum CounsellingKind
{
    Psychological = 1,
    Vocational = 2,
}
