namespace Marketplace.Core.Shortlisting;

/// <summary>The audit trail's names for the records shortlisting keeps.</summary>
public static class ShortlistSubjects
{
    /// <summary>A commissioner's specification.</summary>
    public const string Specification = "specification";
    /// <summary>A shortlist.</summary>
    public const string Shortlist = "shortlist";
    /// <summary>A key-requirements template.</summary>
    public const string Template = "template";
}
