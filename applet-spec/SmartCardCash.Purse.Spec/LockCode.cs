using System.Text;

namespace SmartCardCash.Purse.Spec;

/// <summary>The lock code's encoding (tag 8A): 4 to 8 ASCII digits <c>30</c>–<c>39</c> (spec 2.2, 6.1).</summary>
public static class LockCode
{
    public static bool IsValid(ReadOnlySpan<byte> code)
    {
        if (code.Length is < PurseConstants.MinLockCodeLength or > PurseConstants.MaxLockCodeLength)
        {
            return false;
        }
        foreach (byte b in code)
        {
            if (b is < 0x30 or > 0x39)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"1234" → <c>31 32 33 34</c>. Throws for anything but 4 to 8 digits.</summary>
    public static byte[] Encode(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        byte[] code = Encoding.ASCII.GetBytes(digits);
        if (!IsValid(code))
        {
            throw new ArgumentException("a lock code is 4 to 8 decimal digits.", nameof(digits));
        }
        return code;
    }
}
