namespace SmartCardCash.Pcsc;

/// <summary>
/// Well-known reader attribute ids for <see cref="PcscCard.GetAttribute(PcscAttribute)"/>, built as
/// SCARD_ATTR_VALUE(class, tag) = class &lt;&lt; 16 | tag (reader.h; the same values on Windows). Any other id can be cast.
/// </summary>
public enum PcscAttribute : uint
{
    /// <summary>SCARD_ATTR_VENDOR_NAME: vendor name (text).</summary>
    VendorName = 0x0001_0100,

    /// <summary>SCARD_ATTR_VENDOR_IFD_TYPE: reader model (text).</summary>
    VendorIfdType = 0x0001_0101,

    /// <summary>SCARD_ATTR_VENDOR_IFD_VERSION: reader version, DWORD 0xMMmmbbbb.</summary>
    VendorIfdVersion = 0x0001_0102,

    /// <summary>SCARD_ATTR_VENDOR_IFD_SERIAL_NO: reader serial number (text).</summary>
    VendorIfdSerialNumber = 0x0001_0103,

    /// <summary>SCARD_ATTR_CHANNEL_ID: DWORD 0xDDDDCCCC, channel type and number.</summary>
    ChannelId = 0x0002_0110,

    /// <summary>SCARD_ATTR_DEFAULT_CLK: default clock rate in kHz.</summary>
    DefaultClock = 0x0003_0121,

    /// <summary>SCARD_ATTR_MAX_CLK: maximum clock rate in kHz.</summary>
    MaxClock = 0x0003_0122,

    /// <summary>SCARD_ATTR_DEFAULT_DATA_RATE: default data rate in bps.</summary>
    DefaultDataRate = 0x0003_0123,

    /// <summary>SCARD_ATTR_MAX_DATA_RATE: maximum data rate in bps.</summary>
    MaxDataRate = 0x0003_0124,

    /// <summary>SCARD_ATTR_MAX_IFSD: maximum information field size of the reader.</summary>
    MaxIfsd = 0x0003_0125,

    /// <summary>SCARD_ATTR_CHARACTERISTICS: mechanical characteristics (DWORD bit mask).</summary>
    Characteristics = 0x0006_0150,

    /// <summary>SCARD_ATTR_CURRENT_PROTOCOL_TYPE: the protocol in use.</summary>
    CurrentProtocolType = 0x0008_0201,

    /// <summary>SCARD_ATTR_CURRENT_CLK: current clock rate in kHz.</summary>
    CurrentClock = 0x0008_0202,

    /// <summary>SCARD_ATTR_CURRENT_IFSC: current information field size of the card.</summary>
    CurrentIfsc = 0x0008_0207,

    /// <summary>SCARD_ATTR_CURRENT_IFSD: current information field size of the reader.</summary>
    CurrentIfsd = 0x0008_0208,

    /// <summary>SCARD_ATTR_ICC_PRESENCE: one byte, card presence.</summary>
    IccPresence = 0x0009_0300,

    /// <summary>SCARD_ATTR_ICC_INTERFACE_STATUS: one byte, nonzero when the contacts are active.</summary>
    IccInterfaceStatus = 0x0009_0301,

    /// <summary>SCARD_ATTR_ATR_STRING: the card's ATR.</summary>
    AtrString = 0x0009_0303,

    /// <summary>SCARD_ATTR_ICC_TYPE_PER_ATR: one byte, card type.</summary>
    IccTypePerAtr = 0x0009_0304,

    /// <summary>SCARD_ATTR_MAXINPUT: largest command the reader accepts (pcsc-lite CCID driver).</summary>
    MaxInput = 0x0007_A007,

    /// <summary>SCARD_ATTR_DEVICE_UNIT: instance number of this reader model.</summary>
    DeviceUnit = 0x7FFF_0001,

    /// <summary>SCARD_ATTR_DEVICE_FRIENDLY_NAME_A: display name, 8-bit text.</summary>
    DeviceFriendlyNameA = 0x7FFF_0003,

    /// <summary>SCARD_ATTR_DEVICE_SYSTEM_NAME_A: system name, 8-bit text.</summary>
    DeviceSystemNameA = 0x7FFF_0004,

    /// <summary>SCARD_ATTR_DEVICE_FRIENDLY_NAME_W: display name, UTF-16 text.</summary>
    DeviceFriendlyNameW = 0x7FFF_0005,

    /// <summary>SCARD_ATTR_DEVICE_SYSTEM_NAME_W: system name, UTF-16 text.</summary>
    DeviceSystemNameW = 0x7FFF_0006,
}
