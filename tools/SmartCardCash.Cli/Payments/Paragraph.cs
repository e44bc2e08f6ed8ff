namespace SmartCardCash.Cli.Payments;

/// <summary>Sentences wrapped on spaces for reading (tables keep their own width); continuation lines keep the indent.</summary>
internal static class Paragraph
{
    public const int Width = 110;

    public static string Wrap(string text, int width = Width, string continuation = "")
    {
        string indent = new(' ', text.Length - text.TrimStart(' ').Length);
        var lines = new List<string>();
        string current = indent;
        foreach (string word in text.TrimStart(' ').Split(' '))
        {
            if (current.Trim().Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = indent + continuation;
            }
            current += current.Trim().Length > 0 ? " " + word : word;
        }
        lines.Add(current);
        return string.Join('\n', lines);
    }
}
