using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SmartCardCash.Cli.Input;

/// <summary>
/// The options that take a whole number, each with its allowed range. A value that is not a whole number in the range
/// is refused while parsing, in one line that names the option and the range ("--tries: 'abc' is not a whole number
/// from 1 to 15"), never with System.CommandLine's "as expected type 'System.Int32'". Every number option goes through here.
/// </summary>
internal static class NumberOption
{
    /// <summary>Makes <paramref name="option"/> take only a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Option<int> InRange(Option<int> option, int minimum, int maximum)
    {
        option.CustomParser = result =>
            result.Tokens.Count == 0 ? default : Parse(result, option.Name, result.Tokens[0].Value, minimum, maximum);
        return option;
    }

    /// <summary>The same for an option that may be left out (null then).</summary>
    public static Option<int?> InRange(Option<int?> option, int minimum, int maximum)
    {
        option.CustomParser = result =>
            result.Tokens.Count == 0 ? null : Parse(result, option.Name, result.Tokens[0].Value, minimum, maximum);
        return option;
    }

    /// <summary>The same for a repeatable option: every value is checked.</summary>
    public static Option<int[]> InRange(Option<int[]> option, int minimum, int maximum)
    {
        option.CustomParser = result => [.. result.Tokens.Select(token => Parse(result, option.Name, token.Value, minimum, maximum))];
        return option;
    }

    private static int Parse(ArgumentResult result, string name, string text, int minimum, int maximum)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            && value >= minimum && value <= maximum)
        {
            return value;
        }
        result.AddError($"{name}: '{text}' is not a whole number from {minimum} to {maximum}");
        return default;
    }
}
