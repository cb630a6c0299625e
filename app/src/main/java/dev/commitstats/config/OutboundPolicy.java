package dev.commitstats.config;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Which hosts the server may connect to on a user's behalf (provider APIs, git servers): a guard against server-side
 * request forgery. A user-supplied URL must be {@code https}; the address a connection actually reaches must not be
 * loopback, link-local (cloud metadata at 169.254.169.254 included), private, carrier-grade NAT, unique-local or
 * otherwise special. The check runs on the connected socket, after DNS, so a name that resolves to a public address
 * when validated and to 127.0.0.1 when connecting (DNS rebinding) is refused all the same.
 *
 * <p>An admin allow-list ({@code commitstats.providers.allowed-hosts}, entries {@code host} or {@code host:port})
 * lets a self-managed server on a private address through, and lets it use plain {@code http}.
 *
 * <p>{@link #open} is how every outbound HTTP request of the product is made: it checks the URL, then opens a
 * connection whose TLS layer checks the connected address before the handshake sends anything. Immutable and
 * thread-safe.
 */
public final class OutboundPolicy {

    /** Why a connection was refused; the message names the host and the allow-list, never credentials. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private static final String ALLOW_LIST_HINT = "an admin can allow it with COMMITSTATS_PROVIDERS_ALLOWED_HOSTS";

    private final Set<String> allowedHosts;
    private final SSLSocketFactory guardedTls;

    private OutboundPolicy(Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        try {
            this.guardedTls = new GuardedSocketFactory(SSLContext.getDefault().getSocketFactory(), this);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /**
     * The policy with these allow-list entries ({@code host} or {@code host:port}, case-insensitive; blanks ignored).
     *
     * @throws IllegalArgumentException for an entry that is not a host name, an address or one with a port
     */
    public static OutboundPolicy allowing(List<String> entries) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String raw : entries) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (!e.matches("(\\[[0-9a-f:.]+]|[a-z0-9_.-]+)(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("commitstats.providers.allowed-hosts: '" + raw.trim()
                        + "' is not a host or host:port");
            }
            hosts.add(e);
        }
        return new OutboundPolicy(hosts);
    }

    /** The policy from a comma-separated allow-list, as the environment variable gives it. */
    public static OutboundPolicy allowing(String commaSeparated) {
        return allowing(Arrays.asList(commaSeparated.split(",")));
    }

    /** The default: no allow-list, https to public addresses only. */
    public static OutboundPolicy strict() {
        return new OutboundPolicy(Set.of());
    }

    /** Whether the admin allowed {@code host} (any port) or {@code host:port}. */
    public boolean allowListed(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return allowedHosts.contains(h) || allowedHosts.contains(h + ":" + port);
    }

    /**
     * Checks what can be checked before connecting: the scheme ({@code https}, or {@code http} for an allow-listed
     * host), that there is a host, and that a literal address in the URL is not a forbidden one.
     *
     * @throws RefusedException with a message fit for the user
     */
    public void checkUrl(URI uri) throws RefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedException("not an absolute URL with a host: " + safe(uri));
        }
        int port = effectivePort(scheme, uri.getPort());
        boolean listed = allowListed(host, port);
        if (!scheme.equals("https") && !(scheme.equals("http") && listed)) {
            throw new RefusedException(scheme.equals("http")
                    ? "plain http is refused for " + host + ": use https (" + ALLOW_LIST_HINT + ")"
                    : "only https URLs are accepted, not " + scheme + "://");
        }
        if (!listed && isLiteralAddress(host)) {
            try {
                checkAddress(InetAddress.getByName(stripBrackets(host)), host, port);
            } catch (java.net.UnknownHostException e) {
                throw new RefusedException("not a valid address: " + host);
            }
        }
    }

    /**
     * Opens a connection to {@code uri} after {@link #checkUrl}, without a proxy and without following redirects
     * (the caller checks each hop with this method again). For https the connected address is checked before TLS
     * starts.
     */
    public HttpURLConnection open(URI uri) throws IOException {
        checkUrl(uri);
        URL url = uri.toURL();
        HttpURLConnection c = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        c.setInstanceFollowRedirects(false);
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(guardedTls);
        }
        return c;
    }

    /** A TLS socket factory that refuses connections to forbidden addresses (for transports that open their own). */
    public SSLSocketFactory tlsSocketFactory() {
        return guardedTls;
    }

    /** Refuses {@code address} unless the host is allow-listed or the address is a public one. */
    void checkConnected(InetAddress address, String host, int port) throws RefusedException {
        if (!allowListed(host, port)) {
            checkAddress(address, host, port);
        }
    }

    private static void checkAddress(InetAddress address, String host, int port) throws RefusedException {
        if (isForbidden(address)) {
            throw new RefusedException("refused to connect to " + host + ":" + port + " (" + address.getHostAddress()
                    + " is a loopback, private, link-local or otherwise internal address; " + ALLOW_LIST_HINT + ")");
        }
    }

    /** Whether {@code a} is an address a user-supplied URL must not reach. */
    public static boolean isForbidden(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return b0 == 0                                  // "this network"
                    || (b0 == 100 && b1 >= 64 && b1 < 128)  // carrier-grade NAT 100.64/10
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0)  // IETF protocol assignments 192.0.0/24
                    || (b0 == 198 && (b1 == 18 || b1 == 19))  // benchmarking 198.18/15
                    || b0 >= 240;                           // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) {
                return true;  // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            boolean v4Compatible = v4Mapped && b[10] == 0 && b[11] == 0;
            v4Mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean nat64 = b0 == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (v4Mapped || v4Compatible || nat64) {
                try {
                    return isForbidden(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (java.net.UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+") || host.contains(":");
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int effectivePort(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return scheme.equals("http") ? 80 : 443;
    }

    /** The URL without user info or query, for messages. */
    private static String safe(URI uri) {
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + (uri.getHost() == null ? "" : uri.getHost())
                + (uri.getPath() == null ? "" : uri.getPath());
    }

    /**
     * TLS over a socket the JDK has already connected: creating unconnected sockets is not supported (the JDK then
     * connects a plain socket itself and layers TLS over it through {@link #createSocket(Socket, String, int,
     * boolean)}), so every TLS connection passes the address check here, before the handshake.
     */
    private static final class GuardedSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final OutboundPolicy policy;

        GuardedSocketFactory(SSLSocketFactory tls, OutboundPolicy policy) {
            this.tls = tls;
            this.policy = policy;
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            InetAddress connected = s.getInetAddress();
            if (connected == null) {
                throw new RefusedException("refused to use an unconnected socket for " + host);
            }
            try {
                policy.checkConnected(connected, host, port);
            } catch (RefusedException e) {
                if (autoClose) {
                    s.close();
                }
                throw e;
            }
            return tls.createSocket(s, host, port, autoClose);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }

        // the connecting variants would resolve and connect without the check: refuse them
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw unconnectedOnly();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw unconnectedOnly();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw unconnectedOnly();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw unconnectedOnly();
        }

        private static java.net.SocketException unconnectedOnly() {
            // the JDK's HttpsClient falls back to a plain socket plus layering on this exact exception shape
            java.net.SocketException e = new java.net.SocketException("only layered TLS sockets are supported");
            e.initCause(new UnsupportedOperationException());
            return e;
        }
    }
}
