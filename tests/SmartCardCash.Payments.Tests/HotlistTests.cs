using SmartCardCash.LocalData;

namespace SmartCardCash.Payments.Tests;

public sealed class HotlistTests
{
    [Fact]
    public void Purse_ids_one_per_line_with_comments_and_blank_lines()
    {
        Hotlist hotlist = Hotlist.Parse("# cloned purses, from the bank\n5343430A00000007\n\n  5343430a0000000B   # reported stolen\r\n");

        Assert.Equal(2, hotlist.Count);
        Assert.True(hotlist.Contains(PurseId.Parse("5343430A00000007")));
        Assert.True(hotlist.Contains(PurseId.Parse("5343430A0000000B")));
        Assert.False(hotlist.Contains(PurseId.Parse("5343430A00000001")));
    }

    [Theory]
    [InlineData("5343430A0000000")]
    [InlineData("5343430A000000070")]
    [InlineData("5343430A0000000G")]
    [InlineData("5343430A 00000007")]
    public void A_line_that_is_not_a_purse_id_refuses_the_whole_list_naming_the_line(string line)
    {
        var error = Assert.Throws<FormatException>(() => Hotlist.Parse($"# header\n{line}\n", "hot.txt"));

        Assert.StartsWith("hot.txt line 2: ", error.Message);
    }

    [Fact]
    public void A_missing_default_file_is_an_empty_list_but_a_named_one_must_exist_and_parse()
    {
        string directory = Path.Combine(Path.GetTempPath(), "scc-hotlist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Hotlist.DefaultPath(directory);
            Assert.Equal(0, Hotlist.Load(path, mustExist: false).Count);
            Assert.Throws<LocalDataException>(() => Hotlist.Load(path, mustExist: true));

            File.WriteAllText(path, "5343430A00000007\nnot an id\n");
            var error = Assert.Throws<LocalDataException>(() => Hotlist.Load(path, mustExist: false));
            Assert.Contains("line 2", error.Message);

            File.WriteAllText(path, "5343430A00000007\n");
            Assert.Equal(1, Hotlist.Load(path, mustExist: true).Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
