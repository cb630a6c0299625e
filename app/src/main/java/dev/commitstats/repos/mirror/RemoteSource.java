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
import java.util.regex.Pattern;

import org.eclipse.jgit.transport.URIish;
import org.jspecify.annotations.Nullable;

/**
 * A git URL taken apart: the address to fetch from (without user info), the credentials it carried, and the folder
 * its mirror lives in. Immutable.
 *
 * @param url the URL git is given and the one stored as remote: no user name, no password
 * @param scheme {@code https}, {@code http}, {@code ssh}, {@code git} or {@code file}
 * @param host lower-case host name, empty for {@code file://}
 * @param path the repository path on the host, without leading slash
 * @param userInfo credentials written into the URL ({@code https://user:pass@host/...}), or null
 */
record RemoteSource(String url, String scheme, String host, String path, @Nullable Credentials userInfo) {

    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    // git's scp-like syntax, [user@]host:path; a host of two or more characters keeps C:\ drive paths out
    // git's scp-like syntax [user@]host:path (a colon before any slash); a host of two or more characters keeps
    // Windows drive letters (C:\) out
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\\\\\s]+@)?[^@/\\\\:\\s]{2,}:.+");
    private static final List<String> SCHEMES = List.of("https", "http", "ssh", "git", "file");
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** True when {@code source} is written as a URL rather than a local path. */
    static boolean looksLikeUrl(String source) {
        return URL_SCHEME.matcher(source).matches() || SCP_LIKE.matcher(source).matches();
    }

    /** Parses a URL; the message of the exception is safe to show (user info removed). */
    static RemoteSource parse(String source) throws MirrorException {
        URIish uri;
        try {
            uri = new URIish(source.trim());
        } catch (URISyntaxException e) {
            throw new MirrorException(MirrorException.Reason.NOT_A_REPOSITORY, "not a valid git URL: " + redact(source));
        }
        String scheme = uri.getScheme() == null ? "ssh" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new MirrorException(MirrorException.Reason.UNSUPPORTED,
                    "unsupported URL scheme '" + scheme + "' in " + redact(source) + " (use https, http, ssh, git or file)");
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
        // over ssh the user name is part of the address (git@host); over http(s) it is a credential and stays out
        URIish stored = uri.setPass(null);
        if (!scheme.equals("ssh")) {
            stored = stored.setUser(null);
        }
        return new RemoteSource(stored.toString(), scheme, host, path, inUrl);
    }

    /** {@code source} with any {@code user:password@} or {@code user@} of a URL replaced, safe for messages and logs. */
    static String redact(String source) {
        return source.replaceAll("(?<=://)[^/@\\s]*@", "***@");
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

    private int port() {
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

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
