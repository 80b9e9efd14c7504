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
    match local_ip_address::local_ip() {
        Ok(ip) if !ip.is_loopback() => host_text(ip),
        _ => {
            let name = gethostname::gethostname().to_string_lossy().into_owned();
            if name.is_empty() {
                "localhost".to_owned()
            } else {
                name
            }
        }
    }
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
    fn the_base_url_has_the_port() {
        let at = SocketAddr::from(([192, 168, 1, 20], 8765));
        assert_eq!(base_url("192.168.1.20", at), "http://192.168.1.20:8765");
    }
}
