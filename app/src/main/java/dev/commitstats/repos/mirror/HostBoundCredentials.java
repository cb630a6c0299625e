package dev.commitstats.repos.mirror;

import java.util.Locale;

import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * The token for one fetch, given only to the scheme, host and port it belongs to. JGit follows a redirect to another
 * host and, asked for credentials there, would hand over whatever its provider holds: a repository host (or whoever
 * controls its redirects) could collect the token. Like curl under git, this answers only for the original server and
 * remembers where it withheld the token, so the failure can say why. One per fetch; not thread-safe.
 */
final class HostBoundCredentials extends CredentialsProvider {

    private final UsernamePasswordCredentialsProvider credentials;
    private final String origin;
    private @Nullable String withheldFrom;

    /** @param remote the URL the token is meant for */
    HostBoundCredentials(Credentials credentials, RemoteSource remote) {
        this.credentials = new UsernamePasswordCredentialsProvider(credentials.username(), credentials.token());
        this.origin = origin(remote.scheme(), remote.host(), remote.port());
    }

    /** The host and port of a server that asked for credentials and did not get them, or null. */
    @Nullable String withheldFrom() {
        return withheldFrom;
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public boolean supports(CredentialItem... items) {
        return credentials.supports(items);
    }

    @Override
    public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
        String host = uri.getHost() == null ? "" : uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!origin(scheme, host, uri.getPort()).equals(origin)) {
            withheldFrom = uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
            return false;
        }
        return credentials.get(uri, items);
    }

    /** Overwrites the token this provider copied; the caller's {@link Credentials} are its own business. */
    void clear() {
        credentials.clear();
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int p = port > 0 ? port : s.equals("http") ? 80 : 443;
        return s + "://" + host.toLowerCase(Locale.ROOT) + ":" + p;
    }
}
