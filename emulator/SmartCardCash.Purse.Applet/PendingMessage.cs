using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>The pending log (spec 4.7): the last protected message this purse sent.</summary>
internal sealed record PendingMessage(MessageType Type, byte[] Details, byte[] Signature);
