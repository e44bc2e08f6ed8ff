namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The running state of one armed <see cref="VpcdTearing"/>: asked once per command APDU, in order.</summary>
internal sealed class VpcdTearDecider
{
    private readonly VpcdTearing _tearing;
    private ulong _state;
    private long _commands;

    public VpcdTearDecider(VpcdTearing tearing)
    {
        _tearing = tearing;
        _state = tearing.Seed;
    }

    public VpcdTearing Tearing => _tearing;

    /// <summary>Decides for the next command; null means it is not torn.</summary>
    public VpcdTearAction? Next()
    {
        _commands++;
        switch (_tearing.Kind)
        {
            case VpcdTearingKind.AtCommand when _commands == _tearing.CommandNumber:
                return new VpcdTearAction(_tearing.Point, _tearing.WriteIndex, _tearing.BytesWritten);
            case VpcdTearingKind.Random:
                // Always two draws per command, so whether one command is torn never shifts the draws of the next.
                double draw = (NextUInt64() >> 11) * (1.0 / (1UL << 53));
                int writeIndex = (int)(NextUInt64() % VpcdTearing.RandomWriteIndexRange);
                if (draw < _tearing.Probability)
                {
                    return new VpcdTearAction(_tearing.Point,
                        _tearing.Point == VpcdTearPoint.DuringCommand ? writeIndex : 0, null);
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>SplitMix64: small, fast and fully determined by the seed.</summary>
    private ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
