using Marketplace.CatalogueGenerator;

return CatalogueCommand.Run(args, Console.Out, Console.Error);
