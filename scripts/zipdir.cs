// Zips a folder's contents (not the folder itself), keeping Unix file modes so the executable stays executable.
// Used by scripts/package.sh; a .NET file-based app, so packaging needs nothing but the .NET SDK.
using System.IO.Compression;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run scripts/zipdir.cs -- <folder> <zip>");
    return 2;
}
File.Delete(args[1]);
ZipFile.CreateFromDirectory(args[0], args[1], CompressionLevel.Optimal, includeBaseDirectory: false);
Console.WriteLine($"Wrote {args[1]}");
return 0;
