namespace Marketplace.Storage.Tests;

public sealed class StorageNamesTests
{
    [Fact]
    public void Without_a_prefix_the_names_are_the_ones_Bicep_creates()
    {
        var names = new StorageNames();

        Assert.Equal("offerings", names.OfferingsTable);
        Assert.Equal("evidence", names.EvidenceContainer);
        Assert.Equal("search-index-updates", names.SearchIndexUpdatesQueue);
        Assert.Equal("search-index-updates-poison", StorageNames.PoisonQueueOf(names.SearchIndexUpdatesQueue));
    }

    [Fact]
    public void Every_name_listed_in_Bicep_is_one_the_app_uses()
    {
        var bicep = File.ReadAllText(Marketplace.Testing.RepositoryPaths.Combine("infra", "bicep", "modules", "storage.bicep"))
            + File.ReadAllText(Marketplace.Testing.RepositoryPaths.Combine("infra", "bicep", "main.bicep"));
        var names = new StorageNames();

        foreach (var name in names.Tables.Concat(names.Containers).Concat(names.Queues))
        {
            Assert.Contains($"'{name}'", bicep);
        }
    }

    [Fact]
    public void A_prefix_that_is_not_lower_case_letters_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new StorageNames("Test-1"));
    }
}
