package dev.commitstats.repos.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A real git smart-HTTP server (protocol v0, stateless, upload-pack only) in an embedded Tomcat on a free port. It is
 * what JGit's {@code GitServlet} does for fetches, written against JGit's {@link UploadPack} directly because the
 * {@code org.eclipse.jgit.http.server} artifact is not served by the registry here. Clients asking for protocol v2
 * fall back to v0, as they do with any v0-only server.
 *
 * <p>Repositories are bare folders under a root, served at {@code /<name>}; names under {@code private/} need HTTP
 * basic credentials, answered as real hosts do: 401 with a {@code WWW-Authenticate: Basic} challenge when they are
 * missing or wrong, the token being the password. A prefix can be redirected elsewhere ({@link #redirect}), as hosts
 * do for renamed repositories. Counts requests so tests can check how much a fetch costs.
 */
public final class SmartHttpGitServer implements AutoCloseable {

    private final Path root;
    private final Tomcat tomcat = new Tomcat();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger packRequests = new AtomicInteger();

    public SmartHttpGitServer(Path root, Path work) throws LifecycleException {
        this.root = root;
        tomcat.setBaseDir(work.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context ctx = tomcat.addContext("", work.toString());
        Tomcat.addServlet(ctx, "git", new GitServlet());
        ctx.addServletMappingDecoded("/*", "git");
        tomcat.start();
    }

    /** Requires {@code user:password} for every repository under {@code private/}. */
    public SmartHttpGitServer allow(String user, String password) {
        passwords.put(user, password);
        return this;
    }

    /**
     * Answers requests for {@code /<prefix>...} with a 302 to {@code <target>...} (the rest of the path and the query
     * kept), where {@code target} is a base URL ending in a slash.
     */
    public SmartHttpGitServer redirect(String prefix, String target) {
        redirects.put(prefix, target);
        return this;
    }

    public String url(String name) {
        return "http://127.0.0.1:" + port() + "/" + name;
    }

    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    public int requests() {
        return requests.get();
    }

    /** POSTs to git-upload-pack: the requests that negotiate and send objects. */
    int packRequests() {
        return packRequests.get();
    }

    void resetCounts() {
        requests.set(0);
        packRequests.set(0);
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private final class GitServlet extends HttpServlet {

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            requests.incrementAndGet();
            String path = req.getRequestURI().substring(1);
            for (Map.Entry<String, String> r : redirects.entrySet()) {
                if (path.startsWith(r.getKey())) {
                    String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
                    resp.setHeader("Location", r.getValue() + path.substring(r.getKey().length()) + query);
                    resp.setStatus(302);
                    return;
                }
            }
            String name;
            boolean advertise;
            if (path.endsWith("/info/refs") && "GET".equals(req.getMethod())) {
                name = path.substring(0, path.length() - "/info/refs".length());
                advertise = true;
                if (!"git-upload-pack".equals(req.getParameter("service"))) {
                    resp.sendError(403, "dumb HTTP and push are not served");
                    return;
                }
            } else if (path.endsWith("/git-upload-pack") && "POST".equals(req.getMethod())) {
                name = path.substring(0, path.length() - "/git-upload-pack".length());
                advertise = false;
                packRequests.incrementAndGet();
            } else {
                resp.sendError(404);
                return;
            }
            if (name.startsWith("private/") && !authorised(req)) {
                resp.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                resp.sendError(401);
                return;
            }
            Path dir = root.resolve(name).normalize();
            if (!dir.startsWith(root) || !Files.isDirectory(dir.resolve("objects"))) {
                resp.sendError(404);
                return;
            }
            try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
                UploadPack up = new UploadPack(repo);
                up.setBiDirectionalPipe(false);
                if (advertise) {
                    resp.setContentType("application/x-git-upload-pack-advertisement");
                    resp.setHeader("Cache-Control", "no-cache");
                    OutputStream out = resp.getOutputStream();
                    PacketLineOut pck = new PacketLineOut(out);
                    pck.writeString("# service=git-upload-pack\n");
                    pck.end();
                    up.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(pck));
                    out.flush();
                } else {
                    resp.setContentType("application/x-git-upload-pack-result");
                    InputStream in = req.getInputStream();
                    if ("gzip".equalsIgnoreCase(req.getHeader("Content-Encoding"))) {
                        in = new GZIPInputStream(in);
                    }
                    up.upload(in, resp.getOutputStream(), null);
                }
            }
        }

        private boolean authorised(HttpServletRequest req) {
            String h = req.getHeader("Authorization");
            if (h == null || !h.startsWith("Basic ")) {
                return false;
            }
            String pair = new String(Base64.getDecoder().decode(h.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0 && pair.substring(colon + 1).equals(passwords.get(pair.substring(0, colon)));
        }
    }
}
