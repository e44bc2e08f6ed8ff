using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Bank;
using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Demo;

/// <summary>The demo's steps with the bank: accounts, the mint, loads, the deposit, clearing, the refund, the audit.</summary>
internal sealed partial class DemoScript
{
    private const string CustomerAlice = "customer.alice";
    private const string CustomerBob = "customer.bob";

    /// <summary>Opens the customers' and the shop's accounts and pays cash into the customers'; returns each holder's credential.</summary>
    private Dictionary<string, string> OpenAccounts(DemoBank bank)
    {
        var credentials = new Dictionary<string, string>();
        foreach ((string id, FeeRateJson? fee) in new[] { (CustomerAlice, (FeeRateJson?)null), (CustomerBob, null), (DemoBank.ShopAccount, new FeeRateJson(150, 10)) })
        {
            OpenedAccountJson opened = bank.Call(c => bank.Operator.OpenAccountAsync(
                new OpenAccountRequest(id, fee is null ? "customer" : "merchant", Currency.Eur.AlphaCode, fee), c));
            string credential = opened.HolderCredential ?? throw new InvalidOperationException($"the bank gave no holder's credential for {id}");
            // Where 'scc bank account open' keeps it, so 'scc load' finds it in the demo folder later.
            BankHome.SaveSecret(Path.Combine(BankHome.Directory(home), "credentials", $"{id}.credential"), "demo", credential);
            credentials[id] = credential;
        }
        bank.IssueTerminalKeys();
        Step("accounts", $"The operator opened accounts {CustomerAlice} and {CustomerBob}, and {DemoBank.ShopAccount} with a fee " +
            "of 150 basis points plus EUR 0.10 per deposit, and issued two API keys: the terminal's, and the shop terminal's, " +
            "which can deposit into the shop's account only. Each customer gets a credential of their own: a load needs it as " +
            "well as the terminal's key. The bank keeps only hashes of keys and credentials.");

        CashIn(bank, CustomerAlice, 20_000);
        CashIn(bank, CustomerBob, 10_000);
        Step("cash-in", "At the counter, alice pays in EUR 200.00 in cash and bob EUR 100.00: the teller's cash-in credits " +
            "their accounts, each keyed by a request ID so that a retry changes nothing.");
        return credentials;
    }

    private static void CashIn(DemoBank bank, string account, long cents) =>
        bank.Call(c => bank.Operator.CashInAsync(new CashInRequest($"demo-cash-{account}", account, cents, Currency.Eur.AlphaCode), c));

    /// <summary>A bank purse in the bank's database, and the issuer's mint into it.</summary>
    private BankPurseJson MintIntoBankPurse(DemoBank bank)
    {
        BankPurseJson provisioned = bank.Call(c => bank.Operator.ProvisionBankPurseAsync(new ProvisionBankPurseRequest(Currency.Eur.AlphaCode), c));
        BankPurseJson minted = bank.Call(c => bank.Operator.MintAsync(provisioned.Id, new MintRequest("demo-mint", 100_000), c));
        Step("mint", $"The bank provisioned its purse {minted.Id}: an emulated purse whose card image lives in the bank's " +
            $"database, changed only inside the transaction that posts its money. The issuer minted {Eur(minted.Balance)} into it: " +
            "value comes into existence only this way, and the ledger records it.");
        return minted;
    }

    /// <summary>A load: authorised by the bank for exactly this card and amount, paid by the bank's purse over HTTP.</summary>
    private void Load(DemoBank bank, DemoCard card, string account, string credential, long cents, string? why)
    {
        string requestId = $"demo-load-{card.Name}";
        PurseId payee = card.Purse.Select().PurseId!.Value;
        bank.Call(c => bank.Terminal.AuthoriseLoadAsync(
            new AuthoriseLoadRequest(requestId, account, payee.ToString(), Currency.Eur.AlphaCode, cents), credential, c));
        PaymentOutcome outcome;
        using (BankPurseChannel channel = BankPurseChannel.ForLoad(bank.Terminal, requestId, context.Interrupt))
        {
            outcome = Journal(_coordinator.Pay(PurseCard.Open(channel, "the bank"), card.Purse, new PaymentRequest(Eur(cents)), _policy!));
            Expect(outcome, PaymentOutcomeKind.Completed);
            Expect(bank.Call(c => bank.Terminal.EndLoadAsync(requestId, c)).State, "completed", requestId);
            Step($"load-{card.Name}", $"Loaded {Eur(cents)} from {account} into {card.Name}'s card (load {requestId})." +
                (why is null ? "" : $" {why}"), Outcome(outcome, channel.Name, card.Address));
        }
        Balances((card.Name, Balance(card)), (account, AccountBalance(bank, account)));
    }

    /// <summary>The shop's terminal pays the shop card's whole balance into a bank purse; the bank credits it minus the fee.</summary>
    private void Deposit(DemoBank bank, DemoCard shop)
    {
        const string requestId = "demo-deposit-shop";
        long cents = (long)BalanceOf(shop);
        bank.Call(c => bank.Shop.OpenDepositAsync(new OpenDepositRequest(requestId, shop.Purse.Select().PurseId!.Value.ToString()), c));
        using BankPurseChannel channel = BankPurseChannel.ForDeposit(bank.Shop, requestId, context.Interrupt);
        PaymentOutcome outcome = Journal(_coordinator.Pay(shop.Purse, PurseCard.Open(channel, "the bank"), new PaymentRequest(Eur(cents)), _policy!));
        Expect(outcome, PaymentOutcomeKind.Completed);
        DepositJson deposit = bank.Call(c => bank.Shop.EndDepositAsync(requestId, c));
        Expect(deposit.State, "credited", requestId);
        Step("deposit", $"The shop's terminal, with its merchant key, paid the card's {Eur(cents)} into a bank purse. In the " +
            $"transaction that credited the bank purse, the bank credited {DemoBank.ShopAccount} {Eur(deposit.Credited!.Value)} " +
            $"and took its fee of {Eur(deposit.Fee!.Value)} (1.5% plus EUR 0.10) as fee income.", Outcome(outcome, shop.Address, channel.Name));
        Balances(("shop", Balance(shop)), (DemoBank.ShopAccount, AccountBalance(bank, DemoBank.ShopAccount)));
    }

    /// <summary>The terminal journal's signed vals, uploaded: each verified and stored once, checked for a clone.</summary>
    private void ClearJournal(DemoBank bank)
    {
        string[] lines = [.. PaymentJournal.InHome(home).Read().Entries.Select(JournalFormat.Encode)];
        ClearingJson cleared = bank.Call(c => bank.Terminal.ClearAsync("demo-journal", lines, c));
        if (cleared.Refused != 0 || cleared.ClonesDetected != 0 || cleared.Cleared + cleared.AlreadyCleared != lines.Length)
        {
            throw new InvalidOperationException($"the demo's journal did not clear: {cleared.Refused} refused, {cleared.ClonesDetected} clones");
        }
        Step("clearing", $"The terminal uploaded its journal of {lines.Length} signed vals: the bank verified each against its " +
            $"purse's certificate and stored it once, keyed by payer and sequence number ({cleared.Cleared} new, " +
            $"{cleared.AlreadyCleared} cleared already with the deposit). No purse signed two payments with one sequence " +
            "number, so no clone: a cloned card would be caught here and put on the signed hotlist.");
    }

    /// <summary>alice's uploaded 01 and bob's 02 for one payment: definitely lost, refunded to alice's account once.</summary>
    private void RefundFromExceptionLogs(DemoBank bank, DemoCard payer, DemoCard payee)
    {
        Upload(bank, payee, "upload-payee", $"{payee.Name}'s terminal uploaded {payee.Name}'s signed exception log: ");
        string before = AccountBalance(bank, CustomerAlice);
        ExceptionUploadRequest upload = ExceptionLogUpload.Request(payer.Purse, payer.Purse.ReadExceptionLog());
        ExceptionUploadJson refunded = bank.Call(c => bank.Terminal.UploadExceptionsAsync(upload, c));
        Expect(refunded.Records.Single().Classification, "refunded", "the payer's upload");
        string after = AccountBalance(bank, CustomerAlice);
        Step("upload-payer", $"Then {payer.Name}'s: {ExceptionLogUpload.Describe(refunded.Records.Single())}. With both " +
            $"records, the bank knows the value left {payer.Name}'s card and never reached {payee.Name}'s. It paid " +
            $"{CustomerAlice} back out of suspense, keyed by the payment details, and wrote the lost e-value off.");
        Balances((CustomerAlice, $"{before}, now {after}"));

        ExceptionUploadJson again = bank.Call(c => bank.Terminal.UploadExceptionsAsync(upload, c));
        string afterRetry = AccountBalance(bank, CustomerAlice);
        if (!again.Records.Single().AlreadyArchived || afterRetry != after)
        {
            throw new InvalidOperationException($"the same upload again changed {CustomerAlice}: {after} became {afterRetry}");
        }
        ExceptionLogUpload.Clear(payer.Purse, again.ClearAuthorisation);
        Step("upload-again", $"The same upload again, as a terminal that lost the answer would send it: \"archived before\", " +
            $"and {CustomerAlice} still holds {afterRetry}: refunded exactly once. The bank's issuer-signed CLEAR EXCEPTION " +
            $"LOG for exactly the archived records went to each card, and both exception logs are empty again.");
    }

    private void Upload(DemoBank bank, DemoCard card, string step, string text)
    {
        ExceptionUploadJson upload = bank.Call(c => bank.Terminal.UploadExceptionsAsync(
            ExceptionLogUpload.Request(card.Purse, card.Purse.ReadExceptionLog()), c));
        ExceptionLogUpload.Clear(card.Purse, upload.ClearAuthorisation);
        Step(step, text + string.Join("; ", upload.Records.Select(ExceptionLogUpload.Describe)) + ".");
    }

    private static string AccountBalance(DemoBank bank, string account)
    {
        AccountJson json = bank.Call(c => bank.Operator.GetAccountAsync(account, c));
        return BankMoney.Format(json.Balance, json.Currency);
    }

    private static void Expect(string actual, string expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"the demo expected {what} to be {expected}, but it is {actual}");
        }
    }
}
