package newsroom_test

import (
	"net/netip"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestLocalAddress: every range that is not the public internet is local, in both families,
// and an IPv6 address standing for an IPv4 one is judged as that one.
func TestLocalAddress(t *testing.T) {
	tests := []struct {
		addr  string
		local bool
	}{
		{"127.0.0.1", true},
		{"127.255.255.254", true},
		{"10.0.0.1", true},
		{"10.255.255.255", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"172.32.0.1", false},
		{"172.15.255.255", false},
		{"192.168.1.1", true},
		{"169.254.169.254", true},
		{"100.64.0.1", true},
		{"100.127.255.255", true},
		{"100.128.0.1", false},
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"255.255.255.255", true},
		{"240.0.0.1", true},
		{"224.0.0.251", true},
		{"239.255.255.250", true},
		{"192.0.0.170", true},
		{"192.0.2.10", true},
		{"198.18.0.1", true},
		{"198.51.100.7", true},
		{"203.0.113.9", true},
		{"8.8.8.8", false},
		{"1.1.1.1", false},
		{"93.184.215.14", false},
		{"11.0.0.1", false},
		{"::", true},
		{"::1", true},
		{"::127.0.0.1", true},
		{"fc00::1", true},
		{"fd12:3456:789a::1", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"febf::1", true},
		{"fec0::1", true},
		{"ff02::1", true},
		{"2001:db8::1", true},
		{"100::1", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.1.2.3", true},
		{"::ffff:169.254.169.254", true},
		{"::ffff:192.168.0.1", true},
		{"::ffff:0.0.0.0", true},
		{"::ffff:8.8.8.8", false},
		{"64:ff9b::127.0.0.1", true},
		{"64:ff9b::a9fe:a9fe", true},
		{"64:ff9b::8.8.8.8", false},
		{"64:ff9b:1::1", true},
		{"2002:7f00:1::1", true},
		{"2002:c0a8:101::1", true},
		{"2002:808:808::1", false},
		{"2001:4860:4860::8888", false},
		{"2606:4700:4700::1111", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := newsroom.LocalAddress(netip.MustParseAddr(tt.addr)); got != tt.local {
				t.Fatalf("LocalAddress(%s) = %v, want %v", tt.addr, got, tt.local)
			}
		})
	}
	if !newsroom.LocalAddress(netip.Addr{}) {
		t.Error("the zero Addr, no address at all, counts as public")
	}
}

// TestCheckWebhookURL: a webhook's URL is http or https with a host, and, unless the operator
// allows the local network, its host is not plainly local. A name is judged when it is dialled,
// so a public-looking one passes here.
func TestCheckWebhookURL(t *testing.T) {
	const local = "in the local network, which this server does not post to; the server's operator can allow local addresses"
	tests := []struct {
		name, url  string
		allowLocal bool
		wantErr    string
	}{
		{"OK", "https://chat.example.com/hooks/1", false, ""},
		{"OKPublicAddress", "http://93.184.215.14:8080/hook", false, ""},
		{"OKPublicIPv6", "http://[2606:4700:4700::1111]/hook", false, ""},
		{"OKNameResolvedLater", "http://intranet.example/hook", false, ""},
		{"ErrScheme", "ftp://chat.example.com/h", false, "must be an http or https address"},
		{"ErrNoHost", "https:///h", false, "must be an http or https address"},
		{"ErrLoopback", "http://127.0.0.1:8080/hook", false, local},
		{"ErrLoopbackOther", "http://127.1.2.3/hook", false, local},
		{"ErrLoopbackRootDot", "http://127.0.0.1.:8080/hook", false, local},
		{"ErrLocalhost", "http://localhost:8080/hook", false, local},
		{"ErrLocalhostCase", "http://LocalHost./hook", false, local},
		{"ErrLocalhostSubdomain", "http://chat.localhost/hook", false, local},
		{"ErrMetadata", "http://169.254.169.254/latest/meta-data/", false, local},
		{"ErrPrivate10", "https://10.0.0.5/hook", false, local},
		{"ErrPrivate192", "http://192.168.1.20/hook", false, local},
		{"ErrCGNAT", "http://100.64.1.1/hook", false, local},
		{"ErrUnspecified", "http://0.0.0.0:8080/hook", false, local},
		{"ErrBroadcast", "http://255.255.255.255/hook", false, local},
		{"ErrIPv6Loopback", "http://[::1]:8080/hook", false, local},
		{"ErrIPv6ULA", "http://[fd00::1]/hook", false, local},
		{"ErrIPv6LinkLocalZone", "http://[fe80::1%25eth0]/hook", false, local},
		{"ErrIPv4Mapped", "http://[::ffff:127.0.0.1]/hook", false, local},
		{"ErrIPv4MappedMetadata", "http://[::ffff:a9fe:a9fe]/hook", false, local},
		{"ErrLoopbackOneNumber", "http://2130706433/hook", false, local},
		{"ErrLoopbackHex", "http://0x7f000001/hook", false, local},
		{"ErrLoopbackOctal", "http://0177.0.0.1/hook", false, local},
		{"ErrLoopbackShort", "http://127.1/hook", false, local},
		{"ErrMetadataShort", "http://169.254.43518/latest/meta-data/", false, local},
		{"ErrZero", "http://0/hook", false, local},
		{"OKPublicOneNumber", "http://1572395022/hook", false, ""},
		{"OKNameOfDigitsAndLetters", "http://127.0.0.1.example/hook", false, ""},
		{"OKNameTooManyParts", "http://1.2.3.4.5/hook", false, ""},
		{"ErrPortTooHigh", "https://chat.example.com:99999/hook", false, "port"},
		{"ErrPortZero", "https://chat.example.com:0/hook", false, "port"},
		{"AllowedLoopback", "http://127.0.0.1:8080/hook", true, ""},
		{"AllowedLocalhost", "http://localhost:8080/hook", true, ""},
		{"AllowedStillHTTPOnly", "ftp://127.0.0.1/h", true, "must be an http or https address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantInvalid(t, "CheckWebhookURL("+tt.url+")", newsroom.CheckWebhookURL(tt.url, tt.allowLocal), tt.wantErr)
		})
	}
}
