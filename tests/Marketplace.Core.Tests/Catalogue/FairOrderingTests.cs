using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Marketplace.Core.Catalogue.Search;

namespace Marketplace.Core.Tests.Catalogue;

public sealed class FairOrderingTests
{
    [Fact]
    public void The_key_is_the_first_eight_bytes_of_SHA_256_read_big_endian()
    {
        // SHA-256("abc") = ba7816bf8f01cfea 414140de…, the FIPS 180-2 test vector.
        Assert.Equal(unchecked((long)0xBA7816BF8F01CFEAUL), FairOrdering.KeyOf("abc"));
    }

    [Property]
    public bool The_key_of_an_id_never_changes_and_depends_only_on_its_UTF_8_bytes(NonNull<string> id)
    {
        var expected = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(id.Get)));
        return FairOrdering.KeyOf(id.Get) == expected && FairOrdering.KeyOf(new string(id.Get.AsSpan())) == expected;
    }

    [Fact]
    public void Ids_early_in_the_alphabet_do_not_come_first()
    {
        var ids = Enumerable.Range(1, 100).SelectMany(i => new[] { $"aardvark-care-{i:000}", $"zenith-telecare-{i:000}" }).ToList();

        var firstHalf = ids.OrderBy(FairOrdering.KeyOf).Take(100).ToList();

        var early = firstHalf.Count(id => id.StartsWith("aardvark", StringComparison.Ordinal));
        Assert.InRange(early, 35, 65);
        Assert.NotEqual(ids.Order(StringComparer.Ordinal).Take(100), firstHalf);
    }

    [Theory]
    [InlineData("Pendant Alarm", "pendant alarm")]
    [InlineData("  Pendant\t  alarm ", "pendant alarm")]
    [InlineData("ÉCLAIR hub", "éclair hub")]
    [InlineData("", "")]
    public void The_name_key_ignores_case_and_spacing(string name, string expected)
    {
        Assert.Equal(expected, NameOrdering.KeyOf(name));
    }
}
