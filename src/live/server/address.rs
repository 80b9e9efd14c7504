//! The address students type: the machine's LAN IPv4 address when the
//! class listens on every interface, found from the interfaces themselves
//! (no packet is sent), else the machine's host name.

use std::net::{IpAddr, SocketAddr};

/// The host part of the classroom address for a server listening on
/// `bound`: the address itself when it is a particular one, the LAN
/// address (else the host name) when it is every interface.
pub fn classroom_host(bound: IpAddr) -> String {
    if !bound.is_unspecified() {
        return host_text(bound);
    }
    let routed = local_ip_address::local_ip()
        .ok()
        .filter(|ip| ip.is_ipv4() && !ip.is_loopback());
    // No route out (a laptop's own hotspot, a classroom without internet):
    // an interface's address.
    let lan = routed.or_else(|| {
        let interfaces = local_ip_address::list_afinet_netifas().unwrap_or_default();
        pick_lan(interfaces.iter().map(|(_, ip)| *ip))
    });
    match lan {
        Some(ip) => host_text(ip),
        None => {
            let name = gethostname::gethostname().to_string_lossy().into_owned();
            if name.is_empty() {
                "localhost".to_owned()
            } else {
                name
            }
        }
    }
}

/// The address students most likely reach among an interface list: a
/// private IPv4 one (192.168/16, 10/8, 172.16/12), else any IPv4 one but
/// loopback and link-local (169.254/16, which a phone cannot route to).
fn pick_lan(addresses: impl Iterator<Item = IpAddr>) -> Option<IpAddr> {
    let usable: Vec<_> = addresses
        .filter_map(|ip| match ip {
            IpAddr::V4(v4) if !v4.is_loopback() && !v4.is_link_local() && !v4.is_unspecified() => {
                Some(v4)
            }
            _ => None,
        })
        .collect();
    usable
        .iter()
        .find(|v4| v4.is_private())
        .or_else(|| usable.first())
        .map(|v4| IpAddr::V4(*v4))
}

/// `http://HOST:PORT` for a host as [`classroom_host`] gives it.
pub fn base_url(host: &str, listening: SocketAddr) -> String {
    format!("http://{host}:{}", listening.port())
}

/// An address as written in a URL: IPv6 in brackets.
fn host_text(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::*;

    #[test]
    fn a_particular_address_is_kept() {
        assert_eq!(classroom_host(IpAddr::V4(Ipv4Addr::LOCALHOST)), "127.0.0.1");
        assert_eq!(classroom_host(IpAddr::V6(Ipv6Addr::LOCALHOST)), "[::1]");
    }

    #[test]
    fn every_interface_gives_an_address_or_a_name_never_nothing() {
        let host = classroom_host(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        assert!(!host.is_empty());
        assert_ne!(host, "0.0.0.0");
        assert_ne!(host, "127.0.0.1");
    }

    #[test]
    fn a_private_address_is_picked_over_others() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let list = [
            "127.0.0.1",
            "169.254.3.4",
            "::1",
            "203.0.113.9",
            "10.42.0.1",
        ]
        .map(ip);
        assert_eq!(pick_lan(list.into_iter()), Some(ip("10.42.0.1")));
        let list = ["127.0.0.1", "203.0.113.9"].map(ip);
        assert_eq!(pick_lan(list.into_iter()), Some(ip("203.0.113.9")));
        let list = ["127.0.0.1", "169.254.3.4", "fe80::1"].map(ip);
        assert_eq!(pick_lan(list.into_iter()), None);
    }

    #[test]
    fn the_base_url_has_the_port() {
        let at = SocketAddr::from(([192, 168, 1, 20], 8765));
        assert_eq!(base_url("192.168.1.20", at), "http://192.168.1.20:8765");
    }
}
