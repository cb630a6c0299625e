package dev.commitstats.providers.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.commitstats.config.OutboundPolicy;
import dev.commitstats.providers.DiscoveredRepository;
import dev.commitstats.providers.DiscoveredRepository.OwnerKind;
import dev.commitstats.providers.ProviderAccount;
import dev.commitstats.providers.ProviderException;
import dev.commitstats.providers.ProviderHttp;
import dev.commitstats.providers.ProviderKind;
import dev.commitstats.providers.TokenCheck;
import dev.commitstats.providers.TokenStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bitbucket Cloud against WireMock stubs shaped like the REST API 2.0 documentation's responses. */
class BitbucketProviderTests {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String APP_PASSWORD = "ATBB-app-password-7d2e";
    private static final String ACCESS_TOKEN = "ATCTT3-access-token-91ab";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private WireMockServer server;
    private BitbucketProvider bitbucket;
    private ProviderAccount appPassword;
    private ProviderAccount accessToken;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        ProviderHttp http = new ProviderHttp(OutboundPolicy.allowing("localhost:" + server.port()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), waits::add, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        bitbucket = new BitbucketProvider(http);
        appPassword = new ProviderAccount(ProviderKind.BITBUCKET, URI.create(server.baseUrl()), "evzijst",
                APP_PASSWORD);
        accessToken = new ProviderAccount(ProviderKind.BITBUCKET, URI.create(server.baseUrl()), null, ACCESS_TOKEN);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    // check

    @Test
    void checkNamesTheUserAndSendsTheAppPasswordAsBasicAuth() {
        server.stubFor(get("/2.0/user").willReturn(okJson(USER).withHeader("X-OAuth-Scopes", "repository, account")));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("valid for evzijst");
        assertThat(check.accountLogin()).isEqualTo("evzijst");
        assertThat(check.scopes()).containsExactly("repository", "account");
        assertThat(check.warning()).isNull();
        server.verify(getRequestedFor(urlPathEqualTo("/2.0/user"))
                .withHeader("Authorization", equalTo("Basic " + base64("evzijst:" + APP_PASSWORD))));
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void checkAsksTheRepositoryListWhenNoScopeReadsRepositories() {
        server.stubFor(get("/2.0/user").willReturn(okJson(USER).withHeader("X-OAuth-Scopes", "account, email")));
        server.stubFor(get(urlPathEqualTo("/2.0/repositories")).willReturn(lackingScopes("repository")));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message()).isEqualTo("localhost refused the token (403): Your credentials lack one or more"
                + " required privilege scopes. It needs Repositories: Read.");
    }

    @Test
    void checkWarnsAboutScopesThatCanWrite() {
        server.stubFor(get("/2.0/user").willReturn(okJson(USER)
                .withHeader("X-OAuth-Scopes", "pullrequest:write, repository:admin, account, repository:write")));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.warning()).isEqualTo("this token can write (pullrequest:write, repository:admin,"
                + " repository:write): a read-only one (Repositories: Read) is enough");
    }

    @Test
    void checkWarnsAboutApiTokenScopesThatCanWrite() {
        server.stubFor(get("/2.0/user").willReturn(okJson(USER)
                .withHeader("X-OAuth-Scopes", "read:repository:bitbucket, write:repository:bitbucket")));

        assertThat(bitbucket.check(appPassword).warning()).contains("write:repository:bitbucket")
                .doesNotContain("read:repository");
    }

    @Test
    void checkCallsARevokedAppPasswordInvalidWithoutQuotingIt() {
        server.stubFor(get("/2.0/user").willReturn(unauthorized()));
        server.stubFor(get(urlPathEqualTo("/2.0/repositories")).willReturn(unauthorized()));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).contains("rejected the token (401)").doesNotContain(APP_PASSWORD);
    }

    @Test
    void checkAcceptsAnAccessTokenThatCanListRepositoriesAlthoughItIsNoUser() {
        server.stubFor(get("/2.0/user").willReturn(unauthorized()));
        server.stubFor(get(urlPathEqualTo("/2.0/repositories")).withQueryParam("role", equalTo("member"))
                .willReturn(okJson(repositoryPage(List.of(workspaceRepository("web-shop")), null))
                        .withHeader("X-OAuth-Scopes", "repository")));

        TokenCheck check = bitbucket.check(accessToken);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).startsWith("valid: an access token");
        assertThat(check.scopes()).containsExactly("repository");
        server.verify(getRequestedFor(urlPathEqualTo("/2.0/repositories"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void checkAcceptsAnAppPasswordWithoutAccountScopeThatCanListRepositories() {
        server.stubFor(get("/2.0/user").willReturn(lackingScopes("account")));
        server.stubFor(get(urlPathEqualTo("/2.0/repositories"))
                .willReturn(okJson(repositoryPage(List.of(), null)).withHeader("X-OAuth-Scopes", "repository")));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("valid for evzijst");
    }

    @Test
    void checkSaysATokenThatCannotReadRepositoriesHasInsufficientScopeInBitbucketsWords() {
        server.stubFor(get("/2.0/user").willReturn(lackingScopes("account")));
        server.stubFor(get(urlPathEqualTo("/2.0/repositories")).willReturn(lackingScopes("repository")));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message()).contains("(403)")
                .contains("Your credentials lack one or more required privilege scopes.");
    }

    @Test
    void checkReportsARateLimitThatLiftsLateWithItsTime() {
        server.stubFor(get("/2.0/user").willReturn(rateLimited(1800)));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.RATE_LIMITED);
        assertThat(check.retryAt()).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void checkWaitsOutARateLimitThatLiftsSoon() {
        server.stubFor(get("/2.0/user").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(rateLimited(10)).willSetStateTo("lifted"));
        server.stubFor(get("/2.0/user").inScenario("limit").whenScenarioStateIs("lifted").willReturn(okJson(USER)));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(waits).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void checkSaysWhereThereIsNoBitbucketApi() {
        server.stubFor(get("/2.0/user").willReturn(aResponse().withStatus(404)));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).contains("has no Bitbucket API at " + server.baseUrl() + "/2.0");
    }

    @Test
    void checkReportsMalformedJsonAsAnUnreachableHost() {
        server.stubFor(get("/2.0/user").willReturn(okJson("{\"username\": ")));

        TokenCheck check = bitbucket.check(appPassword);

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).isEqualTo("localhost answered the current user with malformed JSON");
    }

    // discover

    @Test
    void discoverFollowsNextOverEveryPage() throws ProviderException {
        String first = "/2.0/repositories";
        server.stubFor(repositories().withQueryParam("page", absent()).willReturn(okJson(repositoryPage(
                List.of(workspaceRepository("alpha")), server.baseUrl() + first + "?role=member&pagelen=100&page=2"))));
        server.stubFor(repositories().withQueryParam("page", equalTo("2")).willReturn(okJson(repositoryPage(
                List.of(workspaceRepository("beta")), server.baseUrl() + first + "?role=member&pagelen=100&page=3"))));
        server.stubFor(repositories().withQueryParam("page", equalTo("3"))
                .willReturn(okJson(repositoryPage(List.of(workspaceRepository("gamma")), null))));

        List<DiscoveredRepository> found = bitbucket.discover(appPassword);

        assertThat(found).extracting(DiscoveredRepository::name).containsExactly("alpha", "beta", "gamma");
        server.verify(getRequestedFor(urlPathEqualTo(first)).withQueryParam("page", absent())
                .withQueryParam("role", equalTo("member")).withQueryParam("pagelen", equalTo("100")));
    }

    @Test
    void discoverMapsTheDocumentedRepositoryFields() throws ProviderException {
        server.stubFor(repositories().willReturn(okJson(repositoryPage(List.of(workspaceRepository("web-shop")),
                null))));

        DiscoveredRepository repo = bitbucket.discover(appPassword).get(0);

        assertThat(repo).isEqualTo(new DiscoveredRepository("https://bitbucket.org/fabrikam/web-shop.git", "fabrikam",
                OwnerKind.ORGANISATION, "web-shop", "private", false, false, "main",
                Instant.parse("2026-02-27T09:15:42.510217Z"), 0, "https://bitbucket.org/fabrikam/web-shop", false));
    }

    @Test
    void discoverDropsTheUserBitbucketWritesIntoCloneLinks() throws ProviderException {
        server.stubFor(repositories().willReturn(okJson(repositoryPage(List.of(workspaceRepository("web-shop")),
                null))));

        assertThat(bitbucket.discover(appPassword).get(0).cloneUrl()).doesNotContain("@").doesNotContain("evzijst");
    }

    @Test
    void discoverTellsAPersonalWorkspaceAndMarksPublicForks() throws ProviderException {
        server.stubFor(repositories().willReturn(okJson(repositoryPage(List.of(personalFork()), null))));

        DiscoveredRepository repo = bitbucket.discover(appPassword).get(0);

        assertThat(repo.ownerGroup()).isEqualTo("evzijst");
        assertThat(repo.ownerKind()).isEqualTo(OwnerKind.USER);
        assertThat(repo.visibility()).isEqualTo("public");
        assertThat(repo.fork()).isTrue();
        assertThat(repo.activeByDefault()).isFalse();
    }

    @Test
    void discoverOfAnAccountWithoutRepositoriesIsEmpty() throws ProviderException {
        server.stubFor(repositories().willReturn(okJson("{\"pagelen\":100,\"values\":[],\"page\":1,\"size\":0}")));

        assertThat(bitbucket.discover(appPassword)).isEmpty();
    }

    @Test
    void discoverRaisesUnauthorizedForARevokedToken() {
        server.stubFor(repositories().willReturn(unauthorized()));

        assertThatThrownBy(() -> bitbucket.discover(accessToken)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void discoverRaisesForbiddenWithBitbucketsExplanation() {
        server.stubFor(repositories().willReturn(lackingScopes("repository")));

        assertThatThrownBy(() -> bitbucket.discover(appPassword)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("lack one or more required privilege scopes");
        });
    }

    @Test
    void discoverRaisesNotFoundFor404() {
        server.stubFor(repositories().willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> bitbucket.discover(appPassword)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    }

    @Test
    void discoverRaisesRateLimitedWhenTheLimitLiftsLate() {
        server.stubFor(repositories().willReturn(rateLimited(600)));

        assertThatThrownBy(() -> bitbucket.discover(appPassword)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
            assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(600));
        });
    }

    @Test
    void discoverWaitsOutARateLimitBetweenPages() throws ProviderException {
        server.stubFor(repositories().withQueryParam("page", absent()).willReturn(okJson(repositoryPage(
                List.of(workspaceRepository("alpha")), server.baseUrl() + "/2.0/repositories?page=2"))));
        server.stubFor(repositories().withQueryParam("page", equalTo("2")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(rateLimited(30)).willSetStateTo("lifted"));
        server.stubFor(repositories().withQueryParam("page", equalTo("2")).inScenario("limit")
                .whenScenarioStateIs("lifted")
                .willReturn(okJson(repositoryPage(List.of(workspaceRepository("beta")), null))));

        assertThat(bitbucket.discover(appPassword)).extracting(DiscoveredRepository::name)
                .containsExactly("alpha", "beta");
        assertThat(waits).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void discoverRaisesMalformedWithAReadableMessageForBrokenJson() {
        server.stubFor(repositories().willReturn(okJson("{\"pagelen\":100,\"values\":[{\"slug\":")));

        assertThatThrownBy(() -> bitbucket.discover(appPassword)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
            assertThat(e.getMessage()).isEqualTo("localhost answered the repository list with malformed JSON");
        });
    }

    @Test
    void discoverDoesNotFollowANextPageOnAnotherHost() {
        server.stubFor(repositories().willReturn(okJson(repositoryPage(List.of(workspaceRepository("alpha")),
                "https://collector.example/2.0/repositories?page=2"))));

        assertThatThrownBy(() -> bitbucket.discover(appPassword)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
            assertThat(e.getMessage()).contains("another host (collector.example)");
        });
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    // identities, contributions, git

    @Test
    void verifiedEmailsAreTheConfirmedAddressesOfEveryPage() throws ProviderException {
        server.stubFor(get(urlPathEqualTo("/2.0/user/emails")).withQueryParam("page", absent()).willReturn(okJson("""
                {"pagelen":10,"page":1,"size":3,"next":"%s/2.0/user/emails?page=2","values":[
                 {"is_primary":true,"is_confirmed":true,"type":"email","email":"erik@fabrikam.com",
                  "links":{"self":{"href":"https://api.bitbucket.org/2.0/user/emails/erik@fabrikam.com"}}},
                 {"is_primary":false,"is_confirmed":false,"type":"email","email":"typo@fabrikam.con",
                  "links":{"self":{"href":"https://api.bitbucket.org/2.0/user/emails/typo@fabrikam.con"}}}]}"""
                .formatted(server.baseUrl()))));
        server.stubFor(get(urlPathEqualTo("/2.0/user/emails")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("""
                {"pagelen":10,"page":2,"size":3,"values":[
                 {"is_primary":false,"is_confirmed":true,"type":"email","email":"erik@example.org",
                  "links":{"self":{"href":"https://api.bitbucket.org/2.0/user/emails/erik@example.org"}}}]}""")));

        assertThat(bitbucket.verifiedEmails(appPassword)).containsExactly("erik@fabrikam.com", "erik@example.org");
    }

    @Test
    void verifiedEmailsAreEmptyWithoutTheEmailScope() throws ProviderException {
        server.stubFor(get(urlPathEqualTo("/2.0/user/emails")).willReturn(lackingScopes("email")));

        assertThat(bitbucket.verifiedEmails(appPassword)).isEmpty();
    }

    @Test
    void verifiedEmailsAreEmptyForAnAccessTokenWhichIsNoUser() throws ProviderException {
        server.stubFor(get(urlPathEqualTo("/2.0/user/emails")).willReturn(unauthorized()));

        assertThat(bitbucket.verifiedEmails(accessToken)).isEmpty();
    }

    @Test
    void verifiedEmailsRaiseUnauthorizedForARevokedAppPassword() {
        server.stubFor(get(urlPathEqualTo("/2.0/user/emails")).willReturn(unauthorized()));

        assertThatThrownBy(() -> bitbucket.verifiedEmails(appPassword)).isInstanceOfSatisfying(
                ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void contributionsAreEmptyWithoutAskingBitbucket() throws ProviderException {
        assertThat(bitbucket.contributions(appPassword)).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void gitUsernameIsTheUserNameForAppPasswordsAndXTokenAuthForAccessTokens() {
        assertThat(bitbucket.gitUsername(appPassword)).isEqualTo("evzijst");
        assertThat(bitbucket.gitUsername(accessToken)).isEqualTo("x-token-auth");
    }

    @Test
    void gitUsernameOfAnApiTokenCalledWithTheAccountsEmailIsBitbucketsStaticName() {
        ProviderAccount apiToken = new ProviderAccount(ProviderKind.BITBUCKET, URI.create(server.baseUrl()),
                "erik@fabrikam.com", "ATATT3-api-token");

        assertThat(bitbucket.gitUsername(apiToken)).isEqualTo("x-bitbucket-api-token-auth");
    }

    @Test
    void bitbucketOrgIsAskedThroughItsApiHost() {
        ProviderAccount cloud = new ProviderAccount(ProviderKind.BITBUCKET, URI.create("https://bitbucket.org"),
                "evzijst", APP_PASSWORD);

        assertThat(BitbucketApi.of(cloud).uri("/user")).isEqualTo(URI.create("https://api.bitbucket.org/2.0/user"));
    }

    // Bitbucket's documented shapes

    private static final String USER = """
            {"type":"user","username":"evzijst","nickname":"evzijst","display_name":"Erik van Zijst",
             "uuid":"{d301aafa-d676-4ee0-88be-962be7417567}","account_id":"557058:c0b72ad0-1cb5-4018-9cdc-0cde8492c443",
             "account_status":"active","is_staff":false,"has_2fa_enabled":null,
             "created_on":"2010-07-06T21:47:05.452227+00:00",
             "links":{"self":{"href":"https://api.bitbucket.org/2.0/users/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D"},
              "html":{"href":"https://bitbucket.org/%7Bd301aafa-d676-4ee0-88be-962be7417567%7D/"},
              "avatar":{"href":"https://secure.gravatar.com/avatar/evzijst.png"}}}""";

    private static MappingBuilder repositories() {
        return get(urlPathEqualTo("/2.0/repositories"));
    }

    private static String repositoryPage(List<String> repositories, String next) {
        return "{\"pagelen\":100,\"size\":" + repositories.size() + ",\"page\":1,"
                + (next == null ? "" : "\"next\":\"" + next + "\",") + "\"values\":[" + String.join(",", repositories)
                + "]}";
    }

    private static String workspaceRepository(String slug) {
        return """
                {"type":"repository","full_name":"fabrikam/%1$s","name":"%1$s","slug":"%1$s","description":"",
                 "scm":"git","website":null,"is_private":true,"fork_policy":"no_public_forks","language":"java",
                 "uuid":"{21fa9bf8-b5b2-4891-97ed-d590bad0f871}","size":2338160,"has_issues":false,"has_wiki":false,
                 "created_on":"2019-01-08T08:40:01.254346+00:00","updated_on":"2026-02-27T09:15:42.510217+00:00",
                 "mainbranch":{"name":"main","type":"branch"},
                 "owner":{"type":"team","username":"fabrikam","display_name":"Fabrikam",
                  "uuid":"{6d6f1ae2-3b5c-4f9c-8e2e-1a3b5c7d9e0f}"},
                 "workspace":{"type":"workspace","slug":"fabrikam","name":"Fabrikam",
                  "uuid":"{6d6f1ae2-3b5c-4f9c-8e2e-1a3b5c7d9e0f}"},
                 "project":{"type":"project","key":"WEB","name":"Web","uuid":"{0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e}"},
                 "links":{"self":{"href":"https://api.bitbucket.org/2.0/repositories/fabrikam/%1$s"},
                  "html":{"href":"https://bitbucket.org/fabrikam/%1$s"},
                  "avatar":{"href":"https://bytebucket.org/ravatar/%%7B21fa9bf8-b5b2-4891-97ed-d590bad0f871%%7D"},
                  "clone":[{"name":"https","href":"https://evzijst@bitbucket.org/fabrikam/%1$s.git"},
                   {"name":"ssh","href":"git@bitbucket.org:fabrikam/%1$s.git"}]}}""".formatted(slug);
    }

    private static String personalFork() {
        return """
                {"type":"repository","full_name":"evzijst/interruptingcow","name":"interruptingcow",
                 "slug":"interruptingcow","scm":"git","is_private":false,"fork_policy":"allow_forks",
                 "created_on":"2020-03-01T10:00:00.000000+00:00","updated_on":"2025-11-30T18:02:11.120000+00:00",
                 "mainbranch":{"name":"master","type":"branch"},
                 "owner":{"type":"user","username":"evzijst","display_name":"Erik van Zijst",
                  "uuid":"{d301aafa-d676-4ee0-88be-962be7417567}"},
                 "workspace":{"type":"workspace","slug":"evzijst","name":"Erik van Zijst",
                  "uuid":"{d301aafa-d676-4ee0-88be-962be7417567}"},
                 "parent":{"type":"repository","full_name":"upstream/interruptingcow","name":"interruptingcow",
                  "uuid":"{f0e1d2c3-b4a5-4697-8877-665544332211}"},
                 "links":{"html":{"href":"https://bitbucket.org/evzijst/interruptingcow"},
                  "clone":[{"name":"https","href":"https://evzijst@bitbucket.org/evzijst/interruptingcow.git"},
                   {"name":"ssh","href":"git@bitbucket.org:evzijst/interruptingcow.git"}]}}""";
    }

    private static ResponseDefinitionBuilder unauthorized() {
        return aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"message\":\"Unauthorized\"}}");
    }

    /** Bitbucket's answer to a credential without a scope the endpoint requires. */
    private static ResponseDefinitionBuilder lackingScopes(String required) {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"type":"error","error":{"message":"Your credentials lack one or more required privilege\
                         scopes.","detail":{"granted":["pullrequest"],"required":["%s"]}}}""".formatted(required));
    }

    private static ResponseDefinitionBuilder rateLimited(int seconds) {
        return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds))
                .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Resource", "api-repository")
                .withHeader("X-RateLimit-NearLimit", "true").withHeader("Content-Type", "text/plain")
                .withBody("Rate limit for this resource has been exceeded");
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
