package dev.commitstats.cli;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's side of the server's sign-in, over real HTTP: its own cookie jar, no redirects followed (tests look at
 * them), and the CSRF token read from the last page as a browser would submit it. Every response it got is kept, so a
 * test can scan them all for secrets.
 */
final class WebSession {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final List<HttpResponse<String>> responses = new ArrayList<>();

    WebSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*;q=0.8").GET());
    }

    /** A GET of an absolute URL, as the browser follows a redirect to another server (an OAuth provider) and back. */
    HttpResponse<String> getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8").GET());
    }

    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    /** A form POST with the CSRF token of the page at {@code formPage} (null for no token, as a forged form). */
    HttpResponse<String> postForm(String path, Map<String, String> fields, String formPage) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (formPage != null) {
            all.put("_csrf", hiddenToken(get(formPage).body()));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))));
    }

    /** A JSON request as htmx or a page's script sends it: with the CSRF header from the page's meta, or without. */
    HttpResponse<String> sendJson(String method, String path, String json, boolean withCsrfFromUserPage) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfFromUserPage) {
            b.header("X-CSRF-TOKEN", metaToken(get("/user").body()));
        }
        return send(b);
    }

    /** A form post as htmx sends it: {@code HX-Request: true} and the CSRF token of the user page as a header. */
    HttpResponse<String> htmx(String path, String urlEncodedForm) {
        String token = metaToken(get("/user").body());
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(urlEncodedForm)));
    }

    /** Signs in through the form; the answer is the redirect. */
    HttpResponse<String> signIn(String login, String password) {
        return postForm("/login", Map.of("login", login, "password", password), "/login");
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    List<HttpResponse<String>> responses() {
        return responses;
    }

    /** Every response's status line, headers and body, for scanning. */
    String everything() {
        return responses.stream().map(r -> r.statusCode() + " " + r.headers().map() + "\n" + r.body())
                .collect(Collectors.joining("\n"));
    }

    static String hiddenToken(String html) {
        Matcher m = HIDDEN_CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in the page: " + html);
        }
        return m.group(1);
    }

    static String metaToken(String html) {
        Matcher m = META_CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF meta in the page: " + html);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            responses.add(r);
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
