package newsroom

import "net/netip"

// localPrefixes are the ranges of addresses that are not the public internet: the server's own
// machine and network, its cloud's metadata service (169.254.169.254), and addresses nobody
// can be reached at.
var localPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"; 0.0.0.0 reaches the server itself
	netip.MustParsePrefix("10.0.0.0/8"),      // private (RFC 1918)
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT (RFC 6598)
	netip.MustParsePrefix("127.0.0.0/8"),     // loopback
	netip.MustParsePrefix("169.254.0.0/16"),  // link-local, and cloud metadata services
	netip.MustParsePrefix("172.16.0.0/12"),   // private (RFC 1918)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("192.168.0.0/16"),  // private (RFC 1918)
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("224.0.0.0/4"),     // multicast
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("::/96"),           // unspecified, loopback and IPv4-compatible
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use IPv4/IPv6 translation
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fc00::/7"),        // unique local (private)
	netip.MustParsePrefix("fe80::/10"),       // link-local
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated, still private)
	netip.MustParsePrefix("ff00::/8"),        // multicast
}

// Prefixes of IPv6 addresses that carry an IPv4 address a router turns them into: NAT64
// (RFC 6052, the IPv4 address in the last 32 bits) and 6to4 (RFC 3056, in bits 16 to 47).
var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// LocalAddress reports whether a is not a public internet address: loopback, private,
// link-local, carrier-grade NAT, unspecified, multicast, broadcast, reserved or documentation.
// An IPv6 address that stands for an IPv4 one (IPv4-mapped, NAT64 or 6to4) is judged as that
// IPv4 address, since a connection to it reaches the same machine.
func LocalAddress(a netip.Addr) bool {
	a = a.WithZone("").Unmap()
	if !a.IsValid() {
		return true
	}
	b := a.As16()
	switch {
	case a.Is6() && nat64.Contains(a):
		return LocalAddress(netip.AddrFrom4([4]byte(b[12:16])))
	case a.Is6() && sixTo4.Contains(a):
		return LocalAddress(netip.AddrFrom4([4]byte(b[2:6])))
	}
	for _, p := range localPrefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
