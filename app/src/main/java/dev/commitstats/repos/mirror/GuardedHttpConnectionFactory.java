package dev.commitstats.repos.mirror;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.net.URL;

import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;

import dev.commitstats.config.OutboundPolicy;

/**
 * JGit's HTTP connections for clones and fetches, each one opened by {@link OutboundPolicy#open}: https only unless
 * the host is allow-listed, the connected address checked before TLS starts, and no automatic redirects. JGit follows
 * redirects itself by asking for a new connection to the new URL, which comes through here and is checked again, so
 * an allow-listed server cannot send a fetch on to an internal address.
 *
 * <p>Installed per transport ({@link #installOn}), never as JGit's global factory: the policy belongs to this
 * product's fetches, not to every use of JGit in the process. JGit's proxy choice is ignored, as the policy connects
 * directly (a proxy would hide the connected address from the check). Immutable and thread-safe; a session holds
 * nothing.
 */
final class GuardedHttpConnectionFactory implements HttpConnectionFactory2 {

    private final OutboundPolicy policy;

    GuardedHttpConnectionFactory(OutboundPolicy policy) {
        this.policy = policy;
    }

    /** A callback that makes an HTTP transport use this factory; other transports (file, git) are left alone. */
    TransportConfigCallback installOn() {
        return this::install;
    }

    private void install(Transport transport) {
        if (transport instanceof TransportHttp http) {
            http.setHttpConnectionFactory(this);
        }
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return create(url, Proxy.NO_PROXY);
    }

    @Override
    public HttpConnection create(URL url, Proxy ignored) throws IOException {
        try {
            return new GuardedHttpConnection(policy.open(url.toURI()));
        } catch (URISyntaxException e) {
            throw new MalformedURLException("not a valid URL for " + url.getHost());
        }
    }

    @Override
    public GitSession newSession() {
        return new Session();
    }

    /**
     * JGit hands each connection to its session to relax TLS when {@code http.sslVerify} is false in some git config
     * (the user's ~/.gitconfig included). Certificates are always verified here, so the connection stays as it is.
     */
    private static final class Session implements GitSession {
        @Override
        public HttpConnection configure(HttpConnection connection, boolean sslVerify) {
            return connection;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
