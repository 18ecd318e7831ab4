package main

import (
	"fmt"
	"net"
	"net/url"
)

// secureCookies decides whether the sign-in cookies are secure, and says why. --secure-cookies
// (or COPYDESK_SECURE_COOKIES) decides if given. Otherwise they are secure wherever the site
// may be reached over https or from another machine: an https base URL, a reverse proxy in
// front (typically ending TLS on this same host, so a loopback --addr proves nothing), or an
// address other machines reach. Plain-named cookies could be planted by another origin there.
// Only a plain local server goes without, as browsers refuse __Host- cookies over plain http.
func secureCookies(flag optionalBool, addr, baseURL string, proxies []*net.IPNet) (bool, string) {
	switch {
	case flag.set:
		return flag.value, "--secure-cookies (or COPYDESK_SECURE_COOKIES) says so"
	case httpsURL(baseURL):
		return true, "--base-url is https"
	case len(proxies) > 0:
		return true, "--trusted-proxies is set"
	case !loopback(addr):
		return true, "--addr is not a loopback address"
	}
	return false, "--addr is a loopback address, --base-url is not https and no --trusted-proxies are set"
}

// httpsURL reports whether s is an https URL.
func httpsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https"
}

// loopback reports whether the listen address addr is reachable from this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

// cookiePolicy says at start-up what the cookies are and why, since signing in over plain http
// fails with secure ones.
func cookiePolicy(secure bool, why string) string {
	if secure {
		return fmt.Sprintf("secure (__Host- names, HSTS), as %s; the site must be reached over https (--secure-cookies=false for plain http)", why)
	}
	return fmt.Sprintf("not secure, as %s (plain http works; --secure-cookies when the site is reached over https)", why)
}
