using System.CommandLine;

namespace SmartCardCash.Cli.Input;

/// <summary>
/// The options that take one of a few words. Any other word is refused while parsing, in one line that names the option
/// and the choices ("--interface: 'nfc' is not contact or contactless"), as scc's other options say it, not with
/// System.CommandLine's "argument 'nfc' not recognized. Must be one of: …".
/// </summary>
internal static class ChoiceOption
{
    public static TOption OneOf<TOption>(TOption option, params string[] choices)
        where TOption : Option
    {
        option.CompletionSources.Add(choices);
        option.Validators.Add(result =>
        {
            foreach (string word in result.Tokens.Select(t => t.Value).Where(w => !choices.Contains(w, StringComparer.Ordinal)))
            {
                result.AddError($"{option.Name}: '{word}' is not {string.Join(", ", choices[..^1])} or {choices[^1]}");
            }
        });
        return option;
    }
}
