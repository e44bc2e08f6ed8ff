using System.Text;

namespace SmartCardCash.Cli.Input;

/// <summary>Reads a secret from the terminal without echoing it; the prompt goes to stderr so stdout stays clean.</summary>
internal static class ConsoleSecretPrompt
{
    public static string? Read(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Backspace when secret.Length > 0:
                    secret.Length--;
                    break;
                case ConsoleKey.Escape:
                    Console.Error.WriteLine();
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
