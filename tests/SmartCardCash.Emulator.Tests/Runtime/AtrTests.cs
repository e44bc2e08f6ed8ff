using System.Text;

namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class AtrTests
{
    /// <summary>Walks an ATR as ISO/IEC 7816-3 section 8.2 defines it and returns what a reader would learn.</summary>
    private static (List<int> Protocols, byte[] Historical, bool HasTck) Parse(byte[] atr)
    {
        Assert.Equal(0x3B, atr[0]); // TS: direct convention
        int historicalCount = atr[1] & 0x0F;
        int y = atr[1] >> 4;
        int position = 2;
        var protocols = new List<int>();
        while (true)
        {
            for (int bit = 0; bit < 3; bit++)
            {
                if ((y & (1 << bit)) != 0)
                {
                    position++; // TAi, TBi, TCi
                }
            }
            if ((y & 0x8) == 0)
            {
                break;
            }
            byte td = atr[position++];
            protocols.Add(td & 0x0F);
            y = td >> 4;
        }
        byte[] historical = atr[position..(position + historicalCount)];
        position += historicalCount;
        bool hasTck = protocols.Any(p => p != 0);
        Assert.Equal(position + (hasTck ? 1 : 0), atr.Length);
        return (protocols, historical, hasTck);
    }

    private static byte XorFromT0(byte[] atr) => atr.Skip(1).Aggregate((byte)0, (x, b) => (byte)(x ^ b));

    [Fact]
    public void Contact_T0_atr_announces_T0_only_and_has_no_tck()
    {
        byte[] atr = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT0, 1)).PowerOn();
        (List<int> protocols, byte[] historical, bool hasTck) = Parse(atr);
        Assert.Equal([0], protocols);
        Assert.False(hasTck);
        Assert.Equal("SmartCardCash\u0001", Encoding.ASCII.GetString(historical));
    }

    [Fact]
    public void Contact_T1_atr_announces_T1_with_ifsc_and_a_valid_tck()
    {
        byte[] atr = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 1)).PowerOn();
        (List<int> protocols, byte[] historical, bool hasTck) = Parse(atr);
        Assert.Equal([1, 1], protocols);
        Assert.True(hasTck);
        Assert.Equal(0, XorFromT0(atr));
        Assert.Equal(0xFE, atr[6]); // TA3: IFSC 254
        Assert.Equal("SmartCardCash\u0001", Encoding.ASCII.GetString(historical));
    }

    [Fact]
    public void Contactless_atr_is_the_pcsc_pseudo_atr_with_the_ats_historical_bytes()
    {
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.Contactless, 1));
        byte[] atr = card.PowerOn();
        Assert.Equal([0x3B, 0x8E, 0x80, 0x01], atr[..4]);
        (List<int> protocols, byte[] historical, bool hasTck) = Parse(atr);
        Assert.Equal([0, 1], protocols);
        Assert.True(hasTck);
        Assert.Equal(0, XorFromT0(atr));
        Assert.Equal(AnswerToReset.HistoricalBytes.ToArray(), historical);
        Assert.Equal(CardProtocol.T1, card.Protocol);
    }

    [Fact]
    public void A_dual_interface_power_up_chooses_the_atr_of_the_interface_used()
    {
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 1));
        byte[] contactless = card.PowerOn(InterfaceProfile.Contactless);
        Assert.Equal(InterfaceProfile.Contactless, card.ActiveInterface);
        Assert.Equal(AnswerToReset.For(InterfaceProfile.Contactless), contactless);
        byte[] t0 = card.PowerOn(InterfaceProfile.ContactT0);
        Assert.Equal(AnswerToReset.For(InterfaceProfile.ContactT0), t0);
        Assert.Equal(CardProtocol.T0, card.Protocol);
    }
}
