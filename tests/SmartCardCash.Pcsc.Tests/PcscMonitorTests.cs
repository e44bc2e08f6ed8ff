using Moq;
using SmartCardCash.Pcsc.Monitoring;
using SmartCardCash.Pcsc.Testing;
using SmartCardCash.Pcsc.Tests.Fakes;

namespace SmartCardCash.Pcsc.Tests;

public sealed class PcscMonitorTests
{
    private static readonly byte[] AtrA = [0x3B, 0x88, 0x80, 0x01];
    private static readonly byte[] AtrB = [0x3B, 0x02, 0x14, 0x50];

    // Long waits everywhere, so anything the tests see came from a notification, not from polling.
    private static readonly PcscMonitorOptions NotificationOnly = new()
    {
        MaxWaitInterval = TimeSpan.FromHours(1),
        ReaderPollInterval = TimeSpan.FromHours(1),
        RetryInitialDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public void Start_reports_attached_readers_and_the_cards_already_present()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        service.AddReader("R2");
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        var recorder = new EventRecorder(monitor);

        monitor.Start();

        Assert.Equal(
            ["attached:R1:MonitorStarted", "attached:R2:MonitorStarted", "inserted:R1:3B888001:MonitorStarted"],
            recorder.WaitForCount(3));
    }

    [Fact]
    public void Insertions_and_removals_are_reported_in_order()
    {
        var service = new FakePcscService();
        service.AddReader("R1");
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        EventRecorder recorder = StartAndSettle(monitor, service, 1);

        service.InsertCard("R1", AtrA);
        recorder.WaitForCount(2);
        service.RemoveCard("R1");
        recorder.WaitForCount(3);
        service.InsertCard("R1", AtrB);

        Assert.Equal(
        [
            "attached:R1:MonitorStarted", "inserted:R1:3B888001:Observed", "removed:R1:3B888001:Observed",
            "inserted:R1:3B021450:Observed",
        ], recorder.WaitForCount(4));
    }

    [Fact]
    public void A_card_swapped_between_two_looks_is_reported_as_removed_then_inserted()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        EventRecorder recorder = StartAndSettle(monitor, service, 2);

        service.SwapCard("R1", AtrB);

        var events = recorder.WaitForCount(4);
        Assert.Equal(["removed:R1:3B888001:Observed", "inserted:R1:3B021450:Observed"], events.Skip(2));
    }

    [Fact]
    public void Readers_attached_and_detached_are_reported_through_the_pnp_notification()
    {
        var service = new FakePcscService(pnpSupported: true);
        service.AddReader("R1");
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        EventRecorder recorder = StartAndSettle(monitor, service, 1);

        service.AddReader("R2");
        recorder.WaitForCount(2);
        service.InsertCard("R2", AtrA);
        recorder.WaitForCount(3);
        service.RemoveReader("R2");

        var events = recorder.WaitForCount(5);
        Assert.Equal(
        [
            "attached:R1:MonitorStarted", "attached:R2:Observed", "inserted:R2:3B888001:Observed",
            "removed:R2:3B888001:Observed", "detached:R2:Observed",
        ], events);
    }

    [Fact]
    public void Without_pnp_support_the_reader_list_is_polled()
    {
        var service = new FakePcscService(pnpSupported: false);
        service.AddReader("R1");
        var options = new PcscMonitorOptions
        {
            ReaderPollInterval = TimeSpan.FromMilliseconds(20),
            MaxWaitInterval = TimeSpan.FromHours(1),
        };
        using var monitor = new PcscMonitor(service.Api, options);
        EventRecorder recorder = StartAndSettle(monitor, service, 1);

        service.AddReader("R2");
        recorder.WaitFor("attached:R2");
        service.RemoveReader("R1");
        recorder.WaitFor("detached:R1");

        Assert.Equal(["attached:R1:MonitorStarted", "attached:R2:Observed", "detached:R1:Observed"], recorder.Events);
        // Every wait carried a finite timeout: the fallback never blocks for ever.
        service.Mock.Verify(a => a.GetStatusChange(It.IsAny<nint>(), 0xFFFF_FFFFu, It.IsAny<PcscReaderState[]>()),
            Times.Never);
    }

    [Fact]
    public void Service_stop_removes_everything_and_recovery_reports_what_is_there_now()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        service.AddReader("R2");
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        EventRecorder recorder = StartAndSettle(monitor, service, 3);

        service.StopService();
        recorder.WaitForCount(7);
        Assert.Empty(monitor.Readers);

        // While pcscd was away the card moved to the other reader.
        service.RemoveCard("R1");
        service.InsertCard("R2", AtrB);
        service.StartService();

        var events = recorder.WaitForCount(11);
        Assert.Equal(
        [
            "attached:R1:MonitorStarted", "attached:R2:MonitorStarted", "inserted:R1:3B888001:MonitorStarted",
            "service-unavailable", "removed:R1:3B888001:ServiceLost", "detached:R1:ServiceLost",
            "detached:R2:ServiceLost",
            "service-available", "attached:R1:ServiceRestored", "attached:R2:ServiceRestored",
            "inserted:R2:3B021450:ServiceRestored",
        ], events);
        EventRecorder.AssertConsistent(events);
    }

    [Fact]
    public void A_service_down_at_start_is_reported_once_and_recovery_follows()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        service.StopService();
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        var recorder = new EventRecorder(monitor);
        monitor.Start();
        recorder.WaitForCount(1);

        // Several failed retries happen meanwhile; none of them may repeat the notification.
        service.Mock.Invocations.Clear();
        var deadline = DateTime.UtcNow + EventRecorder.Patience;
        while (service.Mock.Invocations.Count(i => i.Method.Name == nameof(IPcscApi.EstablishContext)) < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "the monitor stopped retrying");
            Thread.Sleep(10);
        }

        service.StartService();

        Assert.Equal(
        [
            "service-unavailable", "service-available", "attached:R1:ServiceRestored",
            "inserted:R1:3B888001:ServiceRestored",
        ], recorder.WaitForCount(4));
    }

    [Fact]
    public void An_unexpected_wait_error_is_reported_and_reconciled_without_spurious_events()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        EventRecorder recorder = StartAndSettle(monitor, service, 2);

        service.FailNextWait(PcscError.InternalError);
        recorder.WaitFor("error:pcsc");
        service.RemoveCard("R1");

        Assert.Equal(
        [
            "attached:R1:MonitorStarted", "inserted:R1:3B888001:MonitorStarted", "error:pcsc",
            "removed:R1:3B888001:Observed",
        ], recorder.WaitForCount(4));
    }

    [Fact]
    public void Dispose_from_inside_a_handler_returns_and_stops_the_monitor()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        service.AddReader("R2", AtrB);
        var monitor = new PcscMonitor(service.Api, NotificationOnly);
        var disposed = new ManualResetEventSlim();
        var inserted = 0;
        monitor.CardInserted += (_, _) =>
        {
            Interlocked.Increment(ref inserted);
            monitor.Dispose();
            disposed.Set();
        };

        monitor.Start();

        Assert.True(disposed.Wait(EventRecorder.Patience), "Dispose inside the handler did not return");
        Assert.False(monitor.IsRunning);
        WaitUntil(() => service.OpenContexts == 0);
        // The second card's insert came after the stop request, so it was not delivered.
        Assert.Equal(1, Volatile.Read(ref inserted));
        Assert.Throws<ObjectDisposedException>(monitor.Start);
    }

    [Fact]
    public async Task Stop_from_another_thread_wakes_the_blocked_wait_and_releases_the_context()
    {
        var service = new FakePcscService();
        service.AddReader("R1");
        var monitor = new PcscMonitor(service.Api, NotificationOnly);
        StartAndSettle(monitor, service, 1);
        WaitUntil(() => service.BlockedWaits == 1);

        // WaitAsync throws TimeoutException if Stop never returns.
        await Task.Run(monitor.Stop).WaitAsync(EventRecorder.Patience);

        Assert.True(service.CancelCount > 0);
        Assert.Equal(0, service.BlockedWaits);
        Assert.Equal(0, service.OpenContexts);
        Assert.False(monitor.IsRunning);
        monitor.Dispose();
    }

    [Fact]
    public void A_throwing_handler_is_reported_and_does_not_stop_the_monitor_or_other_subscribers()
    {
        var service = new FakePcscService();
        service.AddReader("R1");
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        monitor.CardInserted += (_, _) => throw new InvalidOperationException("handler bug");
        Exception? reported = null;
        monitor.MonitorError += (_, e) => reported = e.Exception;
        EventRecorder recorder = StartAndSettle(monitor, service, 1);

        service.InsertCard("R1", AtrA);
        recorder.WaitFor("inserted:R1");
        service.RemoveCard("R1");

        var events = recorder.WaitForCount(4);
        Assert.Equal(
        [
            "attached:R1:MonitorStarted", "error:handler", "inserted:R1:3B888001:Observed",
            "removed:R1:3B888001:Observed",
        ], events);
        Assert.IsType<InvalidOperationException>(reported);
        Assert.True(monitor.IsRunning);
    }

    [Fact]
    public void Readers_shows_the_current_view()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        service.AddReader("R2");
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        EventRecorder recorder = StartAndSettle(monitor, service, 3);

        var readers = monitor.Readers;

        Assert.Equal(["R1", "R2"], readers.Select(r => r.ReaderName));
        Assert.True(readers[0].IsCardPresent);
        Assert.Equal(AtrA, readers[0].Atr.ToArray());
        Assert.False(readers[1].IsCardPresent);
    }

    [Fact]
    public void Start_and_stop_are_idempotent_and_a_restart_reports_the_initial_state_again()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        using var monitor = new PcscMonitor(service.Api, NotificationOnly);
        var recorder = new EventRecorder(monitor);

        monitor.Start();
        monitor.Start();
        recorder.WaitForCount(2);
        WaitUntilSettled(service);
        monitor.Stop();
        monitor.Stop();
        Assert.False(monitor.IsRunning);
        Assert.Equal(0, service.OpenContexts);
        monitor.Start();

        Assert.Equal(
        [
            "attached:R1:MonitorStarted", "inserted:R1:3B888001:MonitorStarted",
            "attached:R1:MonitorStarted", "inserted:R1:3B888001:MonitorStarted",
        ], recorder.WaitForCount(4));
    }

    [Fact]
    public void Concurrent_start_stop_and_dispose_leave_no_thread_or_context_behind()
    {
        var service = new FakePcscService();
        service.AddReader("R1", AtrA);
        var monitor = new PcscMonitor(service.Api, NotificationOnly);

        Parallel.For(0, 40, i =>
        {
            if (i % 2 == 0)
            {
                monitor.Start();
            }
            else
            {
                monitor.Stop();
            }
        });
        monitor.Dispose();

        Assert.False(monitor.IsRunning);
        WaitUntil(() => service.OpenContexts == 0);
    }

    /// <summary>
    /// Records the monitor's events from its start (after the handlers already subscribed), starts it and waits for the
    /// <paramref name="startupEvents"/> events of its start-up scan and until it settles.
    /// </summary>
    private static EventRecorder StartAndSettle(PcscMonitor monitor, FakePcscService service, int startupEvents)
    {
        var recorder = new EventRecorder(monitor);
        monitor.Start();
        recorder.WaitForCount(startupEvents);
        WaitUntilSettled(service);
        return recorder;
    }

    /// <summary>
    /// Waits until the monitor blocks in a wait: the start-up scan is over, so later changes are "Observed".
    /// </summary>
    private static void WaitUntilSettled(FakePcscService service) => WaitUntil(() => service.BlockedWaits == 1);

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + EventRecorder.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            Thread.Sleep(5);
        }
    }
}
