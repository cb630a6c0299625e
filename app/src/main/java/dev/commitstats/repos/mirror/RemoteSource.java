package dev.commitstats.repos.mirror;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.transport.URIish;
import org.jspecify.annotations.Nullable;

/**
 * A git URL taken apart: the address to fetch from (without user info), the credentials it carried, and the folder
 * its mirror lives in. Immutable.
 *
 * <p>SSH addresses ({@code ssh://…} and git's scp-like {@code git@host:owner/repo.git}) are recognised as URLs but
 * refused at once, naming the https:// URL to use instead: there is no SSH transport on the classpath, and HTTPS with
 * a personal access token is the product's way to private repositories.
 *
 * @param url the URL git is given and the one stored as remote: no user name, no password
 * @param scheme {@code https}, {@code http}, {@code git} or {@code file}
 * @param host lower-case host name, empty for {@code file://}
 * @param path the repository path on the host, without leading slash
 * @param userInfo credentials written into the URL ({@code https://user:pass@host/...}), or null
 */
record RemoteSource(String url, String scheme, String host, String path, @Nullable Credentials userInfo) {

    static final String SSH_REFUSED = "SSH URLs are not supported: use the repository's https:// URL "
            + "(with a personal access token for a private repository)";

    private static final Pattern URL_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://.*");
    // git's scp-like syntax [user@]host:path (a colon before any slash); a host of two or more characters keeps
    // Windows drive letters (C:\) out
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:([^@/\\\\\\s]+)@)?([^@/\\\\:\\s]{2,}):(.+)");
    private static final Set<String> SSH_SCHEMES = Set.of("ssh", "git+ssh", "ssh+git");
    private static final List<String> SCHEMES = List.of("https", "http", "git", "file");
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    // what an https:// twin of an SSH address may be made of: a DNS name or IPv4 address, and owner/repo segments
    private static final Pattern PLAIN_HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    /** True when {@code source} is written as a URL rather than a local path (SSH addresses included). */
    static boolean looksLikeUrl(String source) {
        return URL_SCHEME.matcher(source).matches() || SCP_LIKE.matcher(source).matches();
    }

    /** Parses a URL; the message of the exception is safe to show (user info removed). */
    static RemoteSource parse(String source) throws MirrorException {
        String trimmed = source.trim();
        refuseSsh(trimmed);
        URIish uri;
        try {
            uri = new URIish(trimmed);
        } catch (URISyntaxException e) {
            throw new MirrorException(MirrorException.Reason.NOT_A_REPOSITORY, "not a valid git URL: " + redact(source));
        }
        if (uri.getScheme() == null) {
            throw new MirrorException(MirrorException.Reason.NOT_A_REPOSITORY, "not a valid git URL: " + redact(source));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new MirrorException(MirrorException.Reason.UNSUPPORTED,
                    "unsupported URL scheme '" + scheme + "' in " + redact(source) + " (use https, http, git or file)");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty() || (host.isEmpty() && !scheme.equals("file"))) {
            throw new MirrorException(MirrorException.Reason.NOT_A_REPOSITORY, "not a valid git URL: " + redact(source));
        }
        Credentials inUrl = null;
        if (uri.getUser() != null && uri.getPass() != null && !uri.getUser().isEmpty() && !uri.getPass().isEmpty()) {
            inUrl = new Credentials(uri.getUser(), uri.getPass());
        }
        // a user name in an http(s) URL is a credential (or a token itself) and stays out of the stored URL
        URIish stored = uri.setPass(null).setUser(null);
        return new RemoteSource(stored.toString(), scheme, host, path, inUrl);
    }

    /**
     * Refuses {@code ssh://} URLs and scp-like addresses, suggesting the https:// URL where host and path make it
     * obvious. Done before anything touches the network or the disk, so the user learns it from the first line.
     */
    private static void refuseSsh(String source) throws MirrorException {
        Matcher url = URL_SCHEME.matcher(source);
        String httpsTwin;
        if (url.matches()) {
            if (!SSH_SCHEMES.contains(url.group(1).toLowerCase(Locale.ROOT))) {
                return;
            }
            httpsTwin = httpsTwinOfSshUrl(url.group(1).toLowerCase(Locale.ROOT) + source.substring(url.end(1)));
        } else {
            Matcher scp = SCP_LIKE.matcher(source);
            if (!scp.matches()) {
                return;
            }
            // "name:folder" without a user or a dotted host is as likely a mistyped local folder as a server
            boolean clearlyAServer = scp.group(1) != null || scp.group(2).contains(".");
            httpsTwin = clearlyAServer ? httpsTwin(scp.group(2), scp.group(3)) : null;
        }
        String shown = redact(source);
        throw new MirrorException(MirrorException.Reason.UNSUPPORTED, httpsTwin == null
                ? SSH_REFUSED + " instead of " + shown
                : SSH_REFUSED + ": " + shown + " -> " + httpsTwin);
    }

    /** @param url an {@code ssh://} URL with its scheme in lower case, as JGit expects */
    private static @Nullable String httpsTwinOfSshUrl(String url) {
        try {
            URIish uri = new URIish(url);
            // ssh:// paths start at the root; /owner/repo.git is what hosts serve, /~user/... has no https twin.
            // The port is dropped: it is the SSH server's, never the web server's.
            String path = uri.getPath() == null || !uri.getPath().startsWith("/") ? "" : uri.getPath().substring(1);
            return uri.getHost() == null ? null : httpsTwin(uri.getHost(), path);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code https://host/path} when both are plain (owner/repo), else null: server paths like /srv/git have no twin. */
    private static @Nullable String httpsTwin(String host, String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!PLAIN_HOST.matcher(host).matches() || p.isEmpty()) {
            return null;
        }
        for (String segment : p.split("/", -1)) {
            if (!PLAIN_SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        return "https://" + host.toLowerCase(Locale.ROOT) + "/" + p;
    }

    /**
     * {@code source} with the user info of a URL ({@code user:password@} or {@code user@}, which may be a token; up to
     * its last {@code @}, as a password may contain one) and the {@code user:password@} of an scp-like address
     * replaced, safe for messages and logs. A bare user name in an scp-like address ({@code git@host:…}) is part of
     * the address, not a secret, and stays.
     */
    static String redact(String source) {
        return source.replaceAll("(?<=://)[^/\\s]*@", "***@")
                .replaceAll("(?<!\\S)[^@/\\\\\\s:]*:[^@/\\\\\\s]*@(?=[^@/\\\\:\\s]{2,}:)", "***@");
    }

    /** "owner/repo": the path without {@code .git} and without Azure DevOps' {@code _git} segment. */
    String displayName() {
        String p = stripGitSuffix(path);
        return String.join("/", p.replace("/_git/", "/").split("/+"));
    }

    /** The host for provider names: {@code github.com}; {@code local} for file URLs. */
    String provider() {
        return host.isEmpty() ? "local" : host;
    }

    /**
     * The mirror's folder under {@code mirrorsRoot}: {@code <host>[_port]/<path>.git}. Each segment keeps only
     * characters that are safe in a file name, so {@code ..}, separators and control characters cannot escape the
     * root; when cleaning changed anything a short hash of the original path is appended, so that two different
     * URLs never share a mirror.
     */
    Path mirrorFolder(Path mirrorsRoot) {
        String hostDir = host.isEmpty() ? "file" : host;
        int port = port();
        if (port > 0) {
            hostDir = hostDir + "_" + port;
        }
        List<String> segments = new ArrayList<>();
        segments.add(clean(hostDir));
        String repoPath = stripGitSuffix(path);
        boolean changed = !segments.get(0).equals(hostDir);
        for (String raw : repoPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String c = clean(raw);
            changed |= !c.equals(raw);
            segments.add(c);
        }
        if (segments.size() == 1) {
            segments.add("repository");
            changed = true;
        }
        int last = segments.size() - 1;
        String leaf = segments.get(last);
        if (changed) {
            leaf = leaf + "-" + shortHash(url);
        }
        segments.set(last, leaf + ".git");
        Path dir = mirrorsRoot;
        for (String s : segments) {
            dir = dir.resolve(s);
        }
        Path normal = dir.normalize();
        if (!normal.startsWith(mirrorsRoot.normalize()) || normal.equals(mirrorsRoot.normalize())) {
            throw new IllegalStateException("mirror folder escapes the mirrors root");  // cannot happen after clean()
        }
        return normal;
    }

    /** {@code host} or {@code host:port} as written in the URL, for messages; empty for {@code file://}. */
    String authority() {
        int port = port();
        return port > 0 ? host + ":" + port : host;
    }

    /** The port written in the URL, or -1. */
    int port() {
        try {
            return new URIish(url).getPort();
        } catch (URISyntaxException e) {
            return -1;
        }
    }

    private static String clean(String segment) {
        String s = segment.replaceAll("[^A-Za-z0-9._-]", "_");
        // no leading dot: rules out ".", ".." and hidden folders; cap the length far below file system limits
        if (!SAFE_SEGMENT.matcher(s).matches()) {
            s = "_" + s;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private static String stripGitSuffix(String p) {
        String s = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
    }

    /** The first 8 hex digits of the SHA-256 of {@code s}. */
    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
