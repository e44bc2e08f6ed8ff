using CsCheck;

namespace SmartCardCash.Iso7816.Tests.Apdu;

public class CommandApduPropertyTests
{
    // Mostly short lengths, now and then the extended range, so both encodings get exercised.
    private static readonly Gen<int> DataLength = Gen.Frequency(
        (6, Gen.Int[0, 300]),
        (1, Gen.Int[0, CommandApdu.MaxExtendedDataLength]));

    private static readonly Gen<int> ExpectedLength = Gen.Frequency(
        (2, Gen.Const(0)),
        (4, Gen.Int[1, 256]),
        (2, Gen.Int[257, CommandApdu.MaxExtendedExpectedLength]),
        (1, Gen.OneOf(Gen.Const(256), Gen.Const(257), Gen.Const(65536))));

    private static readonly Gen<CommandApdu> ValidCommand =
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, DataLength, ExpectedLength, Gen.Bool, Gen.ULong)
            .Select((cla, ins, p1, p2, nc, ne, forceExtended, seed) =>
            {
                byte[] data = new byte[nc];
                new Random(unchecked((int)seed)).NextBytes(data);
                bool extendedPossible = nc > 0 || ne > 0;
                ApduEncoding encoding = forceExtended && extendedPossible ? ApduEncoding.Extended : ApduEncoding.Auto;
                return new CommandApdu(cla, ins, p1, p2, data, ne, encoding);
            });

    [Fact]
    public void Any_valid_command_round_trips_through_its_bytes()
    {
        ValidCommand.Sample(command =>
        {
            byte[] bytes = command.ToBytes();
            CommandApdu parsed = CommandApdu.Parse(bytes);

            Assert.Equal(command, parsed);
            Assert.Equal(bytes, parsed.ToBytes());
            Assert.Equal(bytes.Length, command.EncodedLength);
        }, iter: 2000);
    }

    [Fact]
    public void Random_bytes_either_parse_and_re_encode_identically_or_raise_ApduFormatException()
    {
        // Pure noise rarely looks like an APDU, so half the samples are a header plus a plausible length field.
        Gen<byte[]> noise = Gen.Byte.Array[0, 600];
        Gen<byte[]> nearlyValid = Gen.Select(Gen.Byte.Array[4], Gen.OneOf(Gen.Const(0), Gen.Byte.Select(b => (int)b)),
                Gen.Int[0, 2], Gen.Byte.Array[0, 300])
            .Select((header, first, extra, tail) =>
            {
                var bytes = new List<byte>(header) { (byte)first };
                if (first == 0 && extra > 0)
                {
                    bytes.Add((byte)(tail.Length >> 8));
                    bytes.Add((byte)tail.Length);
                }
                bytes.AddRange(tail);
                return bytes.ToArray();
            });

        Gen.OneOf(noise, nearlyValid).Sample(bytes =>
        {
            CommandApdu parsed;
            try
            {
                parsed = CommandApdu.Parse(bytes);
            }
            catch (ApduFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                return;
            }
            Assert.Equal(bytes, parsed.ToBytes());
        }, iter: 5000);
    }
}
