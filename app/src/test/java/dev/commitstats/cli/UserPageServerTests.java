package dev.commitstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.commitstats.testing.DatabaseTest;
import dev.commitstats.testing.TestDatabase;

/**
 * The user page over real HTTP on both databases: its sections, its forms as plain posts and as htmx requests (the
 * fragment only), errors shown beside the form, the admin-only server folder, and CSRF on every action.
 */
class UserPageServerTests {

    @DatabaseTest
    void theUserPageShowsItsSectionsAndItsFormsCallTheServices(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "ada", false);
        try (TestServer server = TestServer.start(db)) {
            WebSession browser = new WebSession(server.base());
            browser.signIn("ada", SignInServerTests.PASSWORD);
            HttpResponse<String> page = browser.get("/user");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Signed in as <strong>ada</strong>").contains("id=\"tokens\"")
                    .contains("id=\"repositories\"").contains("id=\"api-keys\"").contains("Getting started")
                    .contains("Add Token").contains("User Page").contains("My CV").contains("Logout")
                    .contains("Site Status").containsPattern("/webjars/htmx.org/[0-9.]+/dist/htmx.min.js")
                    .contains("Contents: read").contains("read_repository")
                    .doesNotContain("repository-path"); // the server-folder field is for admins only

            // a plain form: the whole page comes back with the change
            HttpResponse<String> added = browser.postForm("/user/identities", Map.of("emails", "ada@work.example"),
                    "/user");
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.body()).contains("added ada@work.example").contains("<html");

            // htmx: only the section, with the refusal beside its form (escaped)
            HttpResponse<String> refused = htmx(browser, "/user/identities", "emails=%3Cb%3Enot-an-email");
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).startsWith("<section id=\"identities\"").contains("class=\"problem\"")
                    .contains("&lt;b&gt;not-an-email").doesNotContain("<b>not-an-email").doesNotContain("<html");

            HttpResponse<String> repo = htmx(browser, "/user/repositories",
                    "url=https%3A%2F%2Fgit.example.com%2Facme%2Fapi.git");
            assertThat(repo.body()).startsWith("<section id=\"repositories\"").contains("api added")
                    .contains("git.example.com/acme/api.git").contains("data-busy=\"false\"");

            // a user who is not an admin never makes the server read its own folders, whatever they post
            HttpResponse<String> local = htmx(browser, "/user/repositories", "url=%2Fetc");
            assertThat(local.body()).contains("not a git URL: /etc");
            HttpResponse<String> file = htmx(browser, "/user/repositories", "url=file%3A%2F%2F%2Fetc");
            assertThat(file.body()).contains("not a git URL");
            HttpResponse<String> api = browser.sendJson("POST", "/api/v1/repositories", "{\"url\": \"/etc\"}", true);
            assertThat(api.statusCode()).isEqualTo(400);

            HttpResponse<String> key = htmx(browser, "/user/api-keys", "name=laptop&scopes=read");
            assertThat(key.body()).startsWith("<section id=\"api-keys\"").containsPattern("cs_[A-Za-z0-9_-]{40,}");

            // a form without the page's CSRF token is refused, and changes nothing
            HttpResponse<String> forged = browser.postForm("/user/identities", Map.of("emails", "evil@example.com"),
                    null);
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(browser.get("/user").body()).doesNotContain("evil@example.com");
        }
    }

    @DatabaseTest
    void anAdminMayAddARepositoryOrAFolderOfRepositoriesOfTheServer(TestDatabase db) throws Exception {
        SignInServerTests.account(db, "root", true);
        java.nio.file.Path folder = db.dataDir().resolve("served/tool");
        dev.commitstats.core.testing.GitRepoBuilder.init(folder).close();
        java.nio.file.Path code = db.dataDir().resolve("served/code");
        dev.commitstats.core.testing.GitRepoBuilder.init(code.resolve("api")).close();
        dev.commitstats.core.testing.GitRepoBuilder.init(code.resolve("team/web")).close();
        try (TestServer server = TestServer.start(db)) {
            WebSession browser = new WebSession(server.base());
            browser.signIn("root", SignInServerTests.PASSWORD);
            assertThat(browser.get("/user").body()).contains("repository-path");
            HttpResponse<String> added = htmx(browser, "/user/repositories",
                    "url=" + java.net.URLEncoder.encode(folder.toString(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(added.body()).contains("tool added");
            // a folder of repositories: each one in it or one level below
            HttpResponse<String> all = htmx(browser, "/user/repositories",
                    "url=" + java.net.URLEncoder.encode(code.toString(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(all.body()).contains("2 repositories found in").contains(">api<").contains(">web<");
        }
    }

    /** A form post as htmx sends it: the CSRF token as a header, {@code HX-Request: true}. */
    static HttpResponse<String> htmx(WebSession browser, String path, String form) {
        return browser.htmx(path, form);
    }
}
