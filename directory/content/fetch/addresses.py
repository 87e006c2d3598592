"""Which addresses the fetcher may connect to: global unicast only, IPv4
inside IPv6 judged by the IPv4 it carries; and resolving a host, once."""

import ipaddress
import socket

from .page import FetchRefused

# IPv6 ranges whose last 32 bits are an IPv4 address that decides where the
# packets really go. (6to4 keeps its IPv4 in bits 16-48; see _embedded_ipv4.)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_SIXTOFOUR = ipaddress.IPv6Network("2002::/16")

FORBIDDEN_ADDRESS = (
    "That address points inside a private network, so the directory will not fetch it."
)

# --- addresses ---------------------------------------------------------------


def _embedded_ipv4(ip):
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), else None."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip in _SIXTOFOUR:
        return ip.sixtofour
    return None


def is_public_address(ip):
    """True only for a global unicast address (IPv4 inside IPv6 judged as IPv4).

    `is_global` alone is not enough on Python 3.11: it calls multicast and
    site-local addresses global, and it does not look inside NAT64 or 6to4.
    """
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return is_public_address(embedded)
    if not ip.is_global:
        return False
    special = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
    return not (special or (ip.version == 6 and ip.is_site_local))


def _address_of(info):
    """The address of one getaddrinfo entry, without any IPv6 zone (%eth0)."""
    text = str(info[4][0]).partition("%")[0]
    return ipaddress.ip_address(text)


def check_addresses(infos):
    """Judge every address in a getaddrinfo answer; return them, or refuse if any is not public.

    One bad address is enough to refuse, since the answer could be ordered
    differently next time.
    """
    addresses = _addresses(infos)
    if not addresses or not all(is_public_address(ip) for ip in addresses):
        raise FetchRefused("forbidden-address", FORBIDDEN_ADDRESS)
    return addresses


def _addresses(infos):
    """The distinct addresses of a getaddrinfo answer, in the resolver's order."""
    addresses = []
    for info in infos:
        ip = _address_of(info)
        if ip not in addresses:
            addresses.append(ip)
    return addresses


# --- resolving and connecting ------------------------------------------------


def _normal_host(host):
    """A host for comparing with allow_hosts: lowercase, a literal IP in one spelling."""
    host = host.strip().lower().strip("[]")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return host


def resolve(target, allow_hosts):
    """The addresses to connect to; checked unless the host is in allow_hosts."""
    try:
        infos = socket.getaddrinfo(
            target.host, target.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except (OSError, UnicodeError):
        raise FetchRefused(
            "unreachable", "The site's name could not be found; please check the address."
        ) from None
    if target.host in {_normal_host(host) for host in allow_hosts}:
        return _addresses(infos)
    return check_addresses(infos)


