using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AiNews.Fetching
{
    /// <summary>
    /// Which IP addresses a fetch may connect to. By default only public unicast addresses: a feed or a redirect that
    /// points at 127.0.0.1, 10.0.0.5 or the cloud metadata service 169.254.169.254 would otherwise make the job read an
    /// internal page and publish it. <see cref="WebFetcher"/> classifies the address of every request and every redirect
    /// hop before it connects; -AllowPrivateNetwork (or a catalog entry's AllowPrivateNetwork) turns the check off.
    /// </summary>
    /// <remarks>
    /// Public means: IPv4 outside the special-purpose blocks of RFC 6890 and the IANA registry; IPv6 only inside global
    /// unicast 2000::/3 (minus documentation, Teredo, 6to4 and ORCHID blocks), and IPv6 forms that embed an IPv4 address
    /// (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:AABB:CCDD::) judged by that IPv4 address.
    /// </remarks>
    public static class AddressPolicy
    {
        /// <summary>
        /// Null when <paramref name="address"/> is a public unicast address that may be fetched; otherwise what it is
        /// ("a loopback address"), for the refusal message.
        /// </summary>
        public static string Classify(IPAddress address)
        {
            if (address == null) throw new ArgumentNullException(nameof(address));
            if (address.AddressFamily == AddressFamily.InterNetwork) return ClassifyV4(address.GetAddressBytes());
            if (address.AddressFamily != AddressFamily.InterNetworkV6) return "not an IP address";
            return ClassifyV6(address.GetAddressBytes());
        }

        /// <summary>True when <paramref name="address"/> may be fetched without -AllowPrivateNetwork.</summary>
        public static bool IsPublic(IPAddress address) => Classify(address) == null;

        /// <summary>
        /// The address a host name spells literally, read the way the operating system's resolver (inet_aton) reads it:
        /// dotted IPv4 with 1 to 4 parts ("127.1" is 127.0.0.1), each part decimal, octal with a leading 0 ("0177") or hex
        /// with 0x ("0x7f.1"), a single number ("2130706433"), a trailing dot, and IPv6 with or without brackets.
        /// Null when the host is a name (to be resolved through DNS).
        /// </summary>
        public static IPAddress ParseHost(string host)
        {
            if (string.IsNullOrWhiteSpace(host)) return null;
            string h = host.Trim();
            if (h.StartsWith("[", StringComparison.Ordinal) && h.EndsWith("]", StringComparison.Ordinal)) h = h.Substring(1, h.Length - 2);
            if (h.IndexOf(':') >= 0)
                return IPAddress.TryParse(h, out IPAddress v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
            if (h.EndsWith(".", StringComparison.Ordinal)) h = h.Substring(0, h.Length - 1);
            string[] parts = h.Split('.');
            if (parts.Length < 1 || parts.Length > 4) return null;
            var values = new ulong[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!TryParsePart(parts[i], out values[i])) return null;
            // All parts but the last are one byte each; the last fills the remaining bytes (inet_aton).
            ulong result = 0;
            for (int i = 0; i < parts.Length - 1; i++)
            {
                if (values[i] > 0xFF) return null;
                result |= values[i] << (8 * (3 - i));
            }
            ulong last = values[parts.Length - 1];
            if (last > (0xFFFFFFFFUL >> (8 * (parts.Length - 1)))) return null;
            result |= last;
            return new IPAddress(new[] { (byte)(result >> 24), (byte)(result >> 16), (byte)(result >> 8), (byte)result });
        }

        /// <summary>What <see cref="Classify"/> says about a literal host; null for a public address or a name.</summary>
        public static string ClassifyHost(string host)
        {
            IPAddress address = ParseHost(host);
            return address == null ? null : Classify(address);
        }

        static bool TryParsePart(string part, out ulong value)
        {
            value = 0;
            if (part.Length == 0 || part.Length > 34) return false;
            if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                string hex = part.Substring(2);
                if (hex.Length == 0) return true; // "0x" alone is 0 to inet_aton
                return hex.Length <= 16 && ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
            }
            if (part.Length > 1 && part[0] == '0')
            {
                foreach (char c in part)
                {
                    if (c < '0' || c > '7') return false;
                    if (value > (ulong.MaxValue >> 3)) return false;
                    value = value * 8 + (ulong)(c - '0');
                }
                return true;
            }
            foreach (char c in part) if (c < '0' || c > '9') return false;
            return ulong.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        static string ClassifyV4(byte[] b)
        {
            byte a0 = b[0], a1 = b[1], a2 = b[2];
            if (a0 == 0) return "an unspecified or 'this network' address (0.0.0.0/8)";
            if (a0 == 10) return "a private network address (RFC 1918, 10.0.0.0/8)";
            if (a0 == 100 && (a1 & 0xC0) == 64) return "a carrier-grade NAT address (100.64.0.0/10)";
            if (a0 == 127) return "a loopback address (127.0.0.0/8)";
            if (a0 == 169 && a1 == 254) return "a link-local address (169.254.0.0/16, where cloud metadata services live)";
            if (a0 == 172 && (a1 & 0xF0) == 16) return "a private network address (RFC 1918, 172.16.0.0/12)";
            if (a0 == 192 && a1 == 0 && a2 == 0) return "an IETF protocol address (192.0.0.0/24)";
            if (a0 == 192 && a1 == 0 && a2 == 2) return "a documentation address (192.0.2.0/24)";
            if (a0 == 192 && a1 == 88 && a2 == 99) return "a 6to4 relay address (192.88.99.0/24)";
            if (a0 == 192 && a1 == 168) return "a private network address (RFC 1918, 192.168.0.0/16)";
            if (a0 == 198 && (a1 & 0xFE) == 18) return "a benchmarking address (198.18.0.0/15)";
            if (a0 == 198 && a1 == 51 && a2 == 100) return "a documentation address (198.51.100.0/24)";
            if (a0 == 203 && a1 == 0 && a2 == 113) return "a documentation address (203.0.113.0/24)";
            if (a0 >= 224 && a0 <= 239) return "a multicast address (224.0.0.0/4)";
            if (a0 == 255 && a1 == 255 && a2 == 255 && b[3] == 255) return "the broadcast address (255.255.255.255)";
            if (a0 >= 240) return "a reserved address (240.0.0.0/4)";
            return null;
        }

        static string ClassifyV6(byte[] b)
        {
            bool zero10 = true;
            for (int i = 0; i < 10; i++) if (b[i] != 0) { zero10 = false; break; }
            if (zero10 && b[10] == 0xFF && b[11] == 0xFF) return Embedded(b, 12, "an IPv4-mapped address (::ffff:0:0/96)");
            if (zero10 && b[10] == 0 && b[11] == 0)
            {
                bool low = b[12] == 0 && b[13] == 0 && b[14] == 0;
                if (low && b[15] == 1) return "the IPv6 loopback address (::1)";
                if (low && b[15] == 0) return "the unspecified IPv6 address (::)";
                return Embedded(b, 12, "an IPv4-compatible address (::/96)");
            }
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
            {
                bool wellKnown = true;
                for (int i = 4; i < 12; i++) if (b[i] != 0) { wellKnown = false; break; }
                if (wellKnown) return Embedded(b, 12, "a NAT64 address (64:ff9b::/96)");
                return "a local-use NAT64 address (64:ff9b:1::/48)";
            }
            if (b[0] == 0xFF) return "an IPv6 multicast address (ff00::/8)";
            if ((b[0] & 0xFE) == 0xFC) return "an IPv6 unique local address (fc00::/7)";
            if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return "an IPv6 link-local address (fe80::/10)";
            if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return "an IPv6 site-local address (fec0::/10)";
            if ((b[0] & 0xE0) != 0x20) return "a reserved IPv6 address (outside global unicast 2000::/3)";
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return "an IPv6 documentation address (2001:db8::/32)";
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return "a Teredo address (2001::/32), which tunnels to an IPv4 address";
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] <= 0x01) return "an IETF protocol address (2001::/23)";
            if (b[0] == 0x20 && b[1] == 0x02) return Embedded(b, 2, "a 6to4 address (2002::/16)");
            return null;
        }

        // An IPv6 form that carries an IPv4 address: judged by that IPv4 address, since that is where packets end up.
        static string Embedded(byte[] b, int offset, string what)
        {
            string inner = ClassifyV4(new[] { b[offset], b[offset + 1], b[offset + 2], b[offset + 3] });
            if (inner == null) return null;
            return $"{what} of {b[offset]}.{b[offset + 1]}.{b[offset + 2]}.{b[offset + 3]}, {inner}";
        }
    }
}
