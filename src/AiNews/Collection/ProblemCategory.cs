namespace AiNews.Collection
{
    /// <summary>
    /// What kind of failure a <see cref="CollectionProblem"/> is. The names are those of PowerShell's ErrorCategory, which
    /// the cmdlet maps them to by name: the engine itself has no PowerShell types.
    /// </summary>
    public enum ProblemCategory
    {
        ConnectionError,
        InvalidArgument,
        InvalidData,
        InvalidResult,
        LimitsExceeded,
        ObjectNotFound,
        PermissionDenied,
        ReadError,
        ResourceUnavailable,
        SecurityError,
    }
}
