using SmartCardCash.Cli.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Input;

/// <summary>
/// Where a lock code comes from, in this order: the option's value; "-" as the value reads one line from standard
/// input; the environment variable; a hidden prompt when standard input is a terminal. The code is never echoed, and
/// a malformed one is refused here, before a card is touched (so it costs no try), without repeating it.
/// </summary>
internal sealed class LockCodeInput(CliContext context)
{
    public const string Variable = "SCC_LOCK_CODE";
    public const string NewVariable = "SCC_NEW_LOCK_CODE";

    /// <summary>The purse's current lock code.</summary>
    public string Read(string? option, string optionName) => Resolve(option, optionName, Variable, "Lock code: ", confirm: false);

    /// <summary>A code to set: asked twice at a prompt so a typing slip does not lock the owner out.</summary>
    public string ReadNew(string? option, string optionName, string variable) =>
        Resolve(option, optionName, variable, "New lock code: ", confirm: true);

    private string Resolve(string? option, string optionName, string variable, string prompt, bool confirm)
    {
        string? code;
        string source;
        if (option == "-")
        {
            code = context.Stdin.ReadLine();
            source = "standard input";
            if (code is null)
            {
                throw new UsageException($"{optionName} -: no lock code on standard input");
            }
        }
        else if (!string.IsNullOrEmpty(option))
        {
            code = option;
            source = optionName;
        }
        else if (!string.IsNullOrEmpty(context.GetEnvironmentVariable(variable)))
        {
            code = context.GetEnvironmentVariable(variable);
            source = variable;
        }
        else if (context.IsInputTerminal && context.ReadSecret is not null)
        {
            code = context.ReadSecret(prompt);
            source = "the prompt";
            if (confirm && code is not null && context.ReadSecret("Repeat it: ") != code)
            {
                throw new UsageException("the two lock codes typed differ; nothing was changed");
            }
        }
        else
        {
            throw new UsageException(
                $"a lock code is needed: give {optionName} CODE, set {variable}, or pipe it in with {optionName} -");
        }
        code = code?.Trim();
        if (string.IsNullOrEmpty(code) || !LockCode.IsValid(System.Text.Encoding.ASCII.GetBytes(code)) ||
            code.Any(c => !char.IsAsciiDigit(c)))
        {
            throw new UsageException(
                $"the lock code from {source} is not {PurseConstants.MinLockCodeLength} to {PurseConstants.MaxLockCodeLength} digits");
        }
        return code;
    }
}
