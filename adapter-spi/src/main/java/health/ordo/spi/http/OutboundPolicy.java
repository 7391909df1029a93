package health.ordo.spi.http;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deployment's rule for every request Ordo makes on a tenant's behalf (connector base and token URLs, write-back URLs,
 * FHIR sources, webhooks). A destination must be {@code https}; its host is resolved once and every address it resolves to
 * must be public: loopback, link-local, private, carrier-grade NAT, unique-local, multicast, unspecified and reserved
 * addresses are refused, and so are the cloud metadata names. The deployment's allow-list (CIDRs and host names, key
 * {@code ordo.outbound.allow}) admits on-premises systems, and only such an admitted destination may also be reached over plain
 * {@code http}. The resolved, vetted addresses are the only ones {@link OutboundChannel} connects to, so a name that resolves
 * differently a moment later (DNS rebinding) cannot redirect the connection.
 */
public final class OutboundPolicy {

    /** The words every refusal starts with, so a tenant and an operator both recognise it. */
    public static final String REFUSED = "refused by the outbound policy";
    /** The default cap on a response body. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    /** The default upper bound of a request's total deadline (connector option {@code timeout-seconds}). */
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofSeconds(120);

    /** Names that reach a cloud provider's instance metadata (and with it the machine's credentials). */
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal", "metadata.tencentyun.com",
            "metadata.platformequinix.com", "kubernetes.default", "kubernetes.default.svc");

    /** Address ranges no tenant may reach unless the deployment admits them. */
    private static final List<Cidr> FORBIDDEN = Cidr.parseAll(List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "::ffff:0:0/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32",
            "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));

    /** Resolves a host name to its addresses; the JDK's resolver in production, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<Cidr> allowedNetworks;
    private final Set<String> allowedHosts;
    private final long maxResponseBytes;
    private final Duration maxTimeout;
    private final Resolver resolver;

    private OutboundPolicy(List<Cidr> allowedNetworks, Set<String> allowedHosts, long maxResponseBytes, Duration maxTimeout,
                           Resolver resolver) {
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("the response cap must be at least 1024 bytes");
        }
        if (maxTimeout.isNegative() || maxTimeout.isZero()) {
            throw new IllegalArgumentException("the longest request timeout must be positive");
        }
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.maxResponseBytes = maxResponseBytes;
        this.maxTimeout = maxTimeout;
        this.resolver = resolver;
    }

    /** Public destinations only, over https, with the default limits. */
    public static OutboundPolicy strict() {
        return allowing("");
    }

    /**
     * @param allowList comma-separated CIDRs ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}) and host names
     *                  ({@code erp.hospital.local}) the deployment admits although they are not public; blank for none
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static OutboundPolicy allowing(String allowList) {
        return of(allowList, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_TIMEOUT);
    }

    public static OutboundPolicy of(String allowList, long maxResponseBytes, Duration maxTimeout) {
        List<Cidr> networks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : (allowList == null ? "" : allowList).split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.contains("/") || Cidr.isLiteral(e)) {
                networks.add(Cidr.parse(e.contains("/") ? e : e + (e.contains(":") ? "/128" : "/32")));
            } else if (e.matches("(?i)[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
                hosts.add(e.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("ordo.outbound.allow: " + e + " is neither a CIDR nor a host name");
            }
        }
        return new OutboundPolicy(networks, Set.copyOf(hosts), maxResponseBytes, maxTimeout, InetAddress::getAllByName);
    }

    /** The same policy resolving names with {@code resolver} (tests stand in for DNS with it). */
    public OutboundPolicy withResolver(Resolver resolver) {
        return new OutboundPolicy(allowedNetworks, allowedHosts, maxResponseBytes, maxTimeout, resolver);
    }

    /** The largest response body read; a longer one fails the request. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** The longest total deadline a request may be given. */
    public Duration maxTimeout() {
        return maxTimeout;
    }

    /**
     * Checks a destination as a whole: scheme, no credentials in the URL, host name, and every address it resolves to now.
     *
     * @throws OutboundRefusedException saying why, without naming any address the name resolved to
     */
    public void check(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw new OutboundRefusedException(REFUSED + ": an absolute http(s) URL with a host is required");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new OutboundRefusedException(REFUSED + ": only https is allowed, not " + scheme);
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefusedException(REFUSED + ": credentials do not belong in a URL");
        }
        String host = host(uri.getHost());
        InetAddress[] addresses = resolve(host);
        if (scheme.equals("http") && !admitted(host, addresses)) {
            throw new OutboundRefusedException(REFUSED + ": only https is allowed to " + host
                    + " (plain http only to destinations the deployment admits)");
        }
    }

    /** Whether a request over plain http may go to this host (the deployment admitted it). */
    public boolean plainHttpAllowed(String host) {
        String h = host(host);
        return admitted(h, resolve(h));
    }

    /**
     * Resolves a host and vets every address: the addresses a connection may go to.
     *
     * @throws OutboundRefusedException when the host is a metadata name, cannot be resolved, or any address is not public
     *                                  and not admitted by the deployment
     */
    public InetAddress[] resolve(String hostName) {
        String host = host(hostName);
        boolean hostAdmitted = allowedHosts.contains(host);
        if (!hostAdmitted && (METADATA_NAMES.contains(host) || host.endsWith(".internal") && host.startsWith("metadata"))) {
            throw new OutboundRefusedException(REFUSED + ": " + host + " is a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw notPublic(host, true);
        }
        if (addresses == null || addresses.length == 0) {
            throw notPublic(host, true);
        }
        for (InetAddress address : addresses) {
            // a name the deployment admits may be private, but never the machine's own link-local or metadata service
            boolean refused = hostAdmitted ? address.isLinkLocalAddress() || address.isAnyLocalAddress() : forbidden(address);
            if (refused && !allowedNetwork(address)) {
                throw notPublic(host, false);
            }
        }
        return addresses.clone();
    }

    /** One refusal for a name that does not resolve and one that resolves inside: a tenant learns nothing of internal DNS. */
    private static OutboundRefusedException notPublic(String host, boolean retryable) {
        return new OutboundRefusedException(REFUSED + ": " + host + " is not a public address it may reach"
                + " (loopback, private, link-local and similar networks need the deployment's ordo.outbound.allow)", retryable);
    }

    private boolean admitted(String host, InetAddress[] addresses) {
        return allowedHosts.contains(host) || Arrays.stream(addresses).allMatch(this::allowedNetwork);
    }

    private boolean allowedNetwork(InetAddress address) {
        return allowedNetworks.stream().anyMatch(c -> c.contains(address));
    }

    private static boolean forbidden(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || FORBIDDEN.stream().anyMatch(c -> c.contains(address));
    }

    /** Lower case, without IPv6 brackets or a trailing dot, internationalised names in their ASCII form. */
    private static String host(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new OutboundRefusedException(REFUSED + ": a host is required");
        }
        String h = raw.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            return IDN.toASCII(h).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusedException(REFUSED + ": " + raw + " is not a valid host name");
        }
    }

    /** An IPv4 or IPv6 network in CIDR notation. */
    record Cidr(byte[] network, int prefix) {

        static List<Cidr> parseAll(List<String> cidrs) {
            return cidrs.stream().map(Cidr::parse).toList();
        }

        static boolean isLiteral(String text) {
            return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        }

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = text.substring(0, slash);
            if (!isLiteral(address)) {
                throw new IllegalArgumentException("ordo.outbound.allow: " + text + " is not a CIDR");
            }
            byte[] bytes;
            int prefix;
            try {
                // a literal: parsed, never looked up
                bytes = InetAddress.getByName(address).getAddress();
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("ordo.outbound.allow: " + text + " is not a CIDR");
            }
            if (bytes.length == 4 && address.contains(":")) {
                bytes = mapped(bytes);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("ordo.outbound.allow: " + text + " has a prefix out of range");
            }
            return new Cidr(bytes, prefix);
        }

        private static byte[] mapped(byte[] v4) {
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(v4, 0, v6, 12, 4);
            return v6;
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
