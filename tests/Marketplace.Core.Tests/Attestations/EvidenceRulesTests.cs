using Marketplace.Core.Attestations;
using static Marketplace.Core.Tests.Attestations.Fixtures;

namespace Marketplace.Core.Tests.Attestations;

public sealed class EvidenceRulesTests
{
    [Fact]
    public void The_type_comes_from_the_magic_bytes()
    {
        Assert.Same(EvidenceType.Pdf, EvidenceRules.Sniff("%PDF-1.7\n"u8));
        Assert.Same(EvidenceType.Png, EvidenceRules.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Same(EvidenceType.Jpeg, EvidenceRules.Sniff([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Null(EvidenceRules.Sniff("PK\u0003\u0004"u8));       // a .docx
        Assert.Null(EvidenceRules.Sniff("<html>%PDF-"u8));
        Assert.Null(EvidenceRules.Sniff([0x89, 0x50, 0x4E, 0x47]));  // truncated PNG signature
        Assert.Null(EvidenceRules.Sniff([]));
    }

    [Theory]
    [InlineData("certificate.pdf", "pdf", "certificate.pdf")]
    [InlineData("scan.pdf", "png", "scan.png")]
    [InlineData("photo.JPEG", "jpeg", "photo.jpeg")]
    [InlineData("photo.jpg", "pdf", "photo.pdf")]
    [InlineData("report", "pdf", "report.pdf")]
    [InlineData("report.docx", "pdf", "report.docx.pdf")]
    [InlineData("My Scan (1).PDF", "pdf", "My-Scan-1.pdf")]
    [InlineData(".hidden.pdf", "pdf", "hidden.pdf")]
    [InlineData("résumé.pdf", "pdf", "r-sum.pdf")]
    [InlineData("a_b-c.d.pdf", "pdf", "a_b-c.d.pdf")]
    public void Stored_names_keep_safe_characters_and_the_sniffed_types_extension(string requested, string type, string stored) =>
        Assert.Equal(stored, EvidenceRules.StoredFileName(requested, TypeOf(type)).Name);

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("cert..pdf")]
    [InlineData("cert\u0000.pdf")]
    [InlineData("line\nbreak.pdf")]
    [InlineData("%%%.pdf")]
    [InlineData("")]
    public void Unsafe_or_empty_names_are_refused(string requested)
    {
        var (name, error) = EvidenceRules.StoredFileName(requested, EvidenceType.Pdf);

        Assert.Null(name);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Names_are_at_most_100_characters_with_the_extension()
    {
        Assert.Equal(100, EvidenceRules.StoredFileName(new string('a', 96) + ".pdf", EvidenceType.Pdf).Name!.Length);
        Assert.Null(EvidenceRules.StoredFileName(new string('a', 97) + ".pdf", EvidenceType.Pdf).Name);
        Assert.Null(EvidenceRules.StoredFileName(new string('a', 97), EvidenceType.Pdf).Name);
    }

    [Fact]
    public void The_same_bytes_under_the_same_name_are_recorded_once()
    {
        var file = new EvidenceFile("cert.pdf", "application/pdf", 10, new string('b', 64));
        var (once, change, _) = EvidenceRules.Record(Draft(A2dReady, evidence: 0), file);

        var (twice, again, refusal) = EvidenceRules.Record(once!, file);

        Assert.Equal(EvidenceChange.Added, change);
        Assert.Equal(EvidenceChange.AlreadyRecorded, again);
        Assert.Null(refusal);
        Assert.Single(twice!.Evidence);
    }

    [Fact]
    public void Other_bytes_under_a_recorded_name_and_a_21st_file_are_refused()
    {
        var draft = Draft(A2dReady, evidence: 20);

        Assert.Equal(RefusalKind.Conflict, EvidenceRules.Record(draft, draft.Evidence[0] with { Sha256 = new string('c', 64) }).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, EvidenceRules.Record(draft, new EvidenceFile("new.pdf", "application/pdf", 1, new string('d', 64))).Refusal!.Kind);
    }

    [Fact]
    public void Only_the_owning_supplier_uploads_and_only_to_a_draft()
    {
        Assert.Null(EvidenceRules.MayUpload(SupplierUser(), Draft(A2dReady)));
        Assert.Equal(RefusalKind.Forbidden, EvidenceRules.MayUpload(SupplierUser("pennine-careline-services"), Draft(A2dReady))!.Kind);
        Assert.Equal(RefusalKind.Forbidden, EvidenceRules.MayUpload(Validator(Tsa.Id), Draft(A2dReady))!.Kind);
        var refusal = EvidenceRules.MayUpload(SupplierUser(), Draft(A2dReady) with { Status = AttestationStatus.Rejected })!;
        Assert.Equal(RefusalKind.InvalidTransition, refusal.Kind);
        Assert.Equal(AttestationStatus.Rejected, refusal.CurrentStatus);
    }

    private static EvidenceType TypeOf(string name) => name switch
    {
        "pdf" => EvidenceType.Pdf,
        "png" => EvidenceType.Png,
        _ => EvidenceType.Jpeg,
    };
}
