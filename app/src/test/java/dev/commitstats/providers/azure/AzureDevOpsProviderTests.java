package dev.commitstats.providers.azure;

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

/** Azure DevOps against WireMock stubs shaped like the REST API 7.1 documentation's responses. */
class AzureDevOpsProviderTests {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String PAT = "azdo-pat-5c1f0e";
    private static final String CONNECTION_DATA = "/fabrikam/_apis/connectionData";
    private static final String REPOSITORIES = "/fabrikam/_apis/git/repositories";

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private WireMockServer server;
    private AzureDevOpsProvider azure;
    private ProviderAccount account;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        ProviderHttp http = new ProviderHttp(OutboundPolicy.allowing("localhost:" + server.port()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), waits::add, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        azure = new AzureDevOpsProvider(http);
        account = new ProviderAccount(ProviderKind.AZURE_DEVOPS, URI.create(server.baseUrl() + "/fabrikam"), null, PAT);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    // check

    @Test
    void checkNamesTheTokensUserAndSendsThePatAsBasicPasswordWithApiVersion() {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson(connectionData("Jamal Hartnett", "jamal@fabrikam.com"))));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(check.message()).isEqualTo("valid for Jamal Hartnett");
        assertThat(check.accountLogin()).isEqualTo("jamal@fabrikam.com");
        server.verify(getRequestedFor(urlPathEqualTo(CONNECTION_DATA))
                .withQueryParam("api-version", equalTo("7.1"))
                .withHeader("Authorization", equalTo("Basic " + base64(":" + PAT))));
    }

    @Test
    void checkGivesNoWriteWarningBecauseAzureDoesNotReportScopes() {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson(connectionData("Jamal Hartnett", "jamal@fabrikam.com"))));

        TokenCheck check = azure.check(account);

        assertThat(check.scopes()).isEmpty();
        assertThat(check.warning()).isNull();
    }

    @Test
    void checkCallsARevokedTokenInvalidWithoutQuotingIt() {
        server.stubFor(api(CONNECTION_DATA).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"https://dev.azure.com/\"")));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).contains("rejected the token (401)").doesNotContain(PAT);
    }

    @Test
    void checkCallsAzuresSignInPageInvalid() {
        server.stubFor(api(CONNECTION_DATA).willReturn(signInPage()));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).isEqualTo("localhost answered with its sign-in page: the token is unknown,"
                + " revoked or expired");
    }

    @Test
    void checkCallsTheSignInPageAtTheEndOfARedirectInvalid() {
        server.stubFor(api(CONNECTION_DATA).willReturn(aResponse().withStatus(302)
                .withHeader("Location", server.baseUrl() + "/_signin?realm=dev.azure.com&reply_to=%2Ffabrikam")));
        server.stubFor(get(urlPathEqualTo("/_signin")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html><body>Sign in</body></html>")));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).contains("sign-in page");
    }

    @Test
    void checkAsksAzureNotToRedirectToItsSignInPage() {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson(connectionData("Jamal Hartnett", null))));

        azure.check(account);

        server.verify(getRequestedFor(urlPathEqualTo(CONNECTION_DATA))
                .withHeader("X-TFS-FedAuthRedirect", equalTo("Suppress")));
    }

    @Test
    void checkCallsTheAnonymousIdentityOfPublicProjectsInvalid() {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson("""
                {"authenticatedUser":{"id":"aa442a0c-0b0b-4d4b-8f0e-4f6d1b7e0f3a",
                 "descriptor":"Microsoft.TeamFoundation.UnauthenticatedIdentity;S-1-0-0",
                 "providerDisplayName":"Anonymous","isActive":true,"properties":{}},
                 "instanceId":"3a9b2c1d-0e4f-4a5b-9c8d-7e6f5a4b3c2d","deploymentType":"hosted"}""")));

        assertThat(azure.check(account).status()).isEqualTo(TokenStatus.INVALID);
    }

    @Test
    void checkSaysATokenWithoutCodeReadHasInsufficientScope() {
        server.stubFor(api(CONNECTION_DATA).willReturn(azureError(403,
                "TF400813: The user 'jamal@fabrikam.com' is not authorized to access this resource.")));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.INSUFFICIENT_SCOPE);
        assertThat(check.message()).contains("needs Code (Read)").contains("TF400813");
    }

    @Test
    void checkNamesTheOrganisationThatDoesNotExist() {
        server.stubFor(api(CONNECTION_DATA).willReturn(azureError(404,
                "VS800075: The project with id 'fabrikam' does not exist, or you do not have permission"
                        + " to access it.")));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).isEqualTo("no organisation fabrikam at localhost");
    }

    @Test
    void checkNamesTheCollectionOfAServer() {
        ProviderAccount server2022 = new ProviderAccount(ProviderKind.AZURE_DEVOPS,
                URI.create(server.baseUrl() + "/tfs/DefaultCollection"), null, PAT);
        server.stubFor(api("/tfs/DefaultCollection/_apis/connectionData").willReturn(aResponse().withStatus(404)));

        assertThat(azure.check(server2022).message()).isEqualTo("no collection DefaultCollection at localhost");
    }

    @Test
    void checkRefusesABaseUrlWithoutOrganisationWithoutAsking() {
        ProviderAccount bare = new ProviderAccount(ProviderKind.AZURE_DEVOPS, URI.create(server.baseUrl()), null, PAT);

        TokenCheck check = azure.check(bare);

        assertThat(check.status()).isEqualTo(TokenStatus.INVALID);
        assertThat(check.message()).contains("must name the organisation");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void checkReportsARateLimitThatLiftsLateWithItsTime() {
        server.stubFor(api(CONNECTION_DATA).willReturn(rateLimited(3600)));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.RATE_LIMITED);
        assertThat(check.retryAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(check.message()).contains("rate limited until");
    }

    @Test
    void checkWaitsOutARateLimitThatLiftsSoon() {
        server.stubFor(api(CONNECTION_DATA).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(rateLimited(5)).willSetStateTo("lifted"));
        server.stubFor(api(CONNECTION_DATA).inScenario("limit").whenScenarioStateIs("lifted")
                .willReturn(okJson(connectionData("Jamal Hartnett", "jamal@fabrikam.com"))));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.VALID);
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void checkReportsMalformedJsonAsAnUnreachableHost() {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson("{\"authenticatedUser\": {")));

        TokenCheck check = azure.check(account);

        assertThat(check.status()).isEqualTo(TokenStatus.UNREACHABLE);
        assertThat(check.message()).isEqualTo("localhost answered the current user with malformed JSON");
    }

    // discover

    @Test
    void discoverFollowsContinuationTokensOverEveryPage() throws ProviderException {
        server.stubFor(api(REPOSITORIES).withQueryParam("continuationToken", absent())
                .willReturn(page(List.of(repository("alpha", "Web", "private")), "tok+en/1=")));
        server.stubFor(api(REPOSITORIES).withQueryParam("continuationToken", equalTo("tok+en/1="))
                .willReturn(page(List.of(repository("beta", "Web", "private")), "token-2")));
        server.stubFor(api(REPOSITORIES).withQueryParam("continuationToken", equalTo("token-2"))
                .willReturn(page(List.of(repository("gamma", "Mobile", "private")), null)));

        List<DiscoveredRepository> found = azure.discover(account);

        assertThat(found).extracting(DiscoveredRepository::name).containsExactly("alpha", "beta", "gamma");
        server.verify(3, getRequestedFor(urlPathEqualTo(REPOSITORIES)).withQueryParam("api-version", equalTo("7.1")));
    }

    @Test
    void discoverMapsTheDocumentedRepositoryFields() throws ProviderException {
        server.stubFor(api(REPOSITORIES).willReturn(page(List.of(repository("Fabrikam Fiber", "Fiber Git", "private")),
                null)));

        DiscoveredRepository repo = azure.discover(account).get(0);

        assertThat(repo).isEqualTo(new DiscoveredRepository(
                "https://dev.azure.com/fabrikam/Fiber%20Git/_git/Fabrikam%20Fiber", "Fiber Git", OwnerKind.PROJECT,
                "Fabrikam Fiber", "private", false, false, "main", null, 0,
                "https://dev.azure.com/fabrikam/Fiber%20Git/_git/Fabrikam%20Fiber", false));
    }

    @Test
    void discoverDropsTheOrganisationAzureWritesIntoCloneUrls() throws ProviderException {
        server.stubFor(api(REPOSITORIES).willReturn(page(List.of(repository("alpha", "Web", "private")), null)));

        assertThat(azure.discover(account).get(0).cloneUrl())
                .isEqualTo("https://dev.azure.com/fabrikam/Web/_git/alpha").doesNotContain("@");
    }

    @Test
    void discoverTakesVisibilityFromTheProject() throws ProviderException {
        server.stubFor(api(REPOSITORIES).willReturn(page(List.of(repository("site", "Open", "public"),
                repository("wiki", "Org", "organization")), null)));

        assertThat(azure.discover(account)).extracting(DiscoveredRepository::visibility)
                .containsExactly("public", "internal");
    }

    @Test
    void discoverCallsADisabledRepositoryArchivedAndMarksForks() throws ProviderException {
        server.stubFor(api(REPOSITORIES).willReturn(okJson("""
                {"count":1,"value":[{"id":"0e3a8c2b-1d4f-4b5a-9c6d-7e8f9a0b1c2d","name":"old-fork",
                 "url":"https://dev.azure.com/fabrikam/_apis/git/repositories/0e3a8c2b-1d4f-4b5a-9c6d-7e8f9a0b1c2d",
                 "project":{"id":"6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c","name":"Web","state":"wellFormed",
                  "revision":11,"visibility":"private","lastUpdateTime":"2026-01-05T10:00:00.000Z"},
                 "size":0,"remoteUrl":"https://fabrikam@dev.azure.com/fabrikam/Web/_git/old-fork",
                 "sshUrl":"git@ssh.dev.azure.com:v3/fabrikam/Web/old-fork",
                 "webUrl":"https://dev.azure.com/fabrikam/Web/_git/old-fork",
                 "isFork":true,"isDisabled":true,"isInMaintenance":false}]}""")));

        DiscoveredRepository repo = azure.discover(account).get(0);

        assertThat(repo.fork()).isTrue();
        assertThat(repo.archived()).isTrue();
        assertThat(repo.defaultBranch()).isNull();
        assertThat(repo.activeByDefault()).isFalse();
    }

    @Test
    void discoverOfAnOrganisationWithoutRepositoriesIsEmpty() throws ProviderException {
        server.stubFor(api(REPOSITORIES).willReturn(okJson("{\"count\":0,\"value\":[]}")));

        assertThat(azure.discover(account)).isEmpty();
    }

    @Test
    void discoverRaisesUnauthorizedForARevokedToken() {
        server.stubFor(api(REPOSITORIES).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void discoverRaisesUnauthorizedForTheSignInPage() {
        server.stubFor(api(REPOSITORIES).willReturn(signInPage()));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("sign-in page");
        });
    }

    @Test
    void discoverRaisesForbiddenWithAzuresExplanation() {
        server.stubFor(api(REPOSITORIES).willReturn(azureError(403,
                "TF401019: The Git repository with name or identifier alpha does not exist or you do not have"
                        + " permissions for the operation you are attempting.")));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("TF401019");
        });
    }

    @Test
    void discoverRaisesNotFoundNamingTheOrganisation() {
        server.stubFor(api(REPOSITORIES).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("no organisation fabrikam at localhost");
        });
    }

    @Test
    void discoverRaisesRateLimitedWhenTheLimitLiftsLate() {
        server.stubFor(api(REPOSITORIES).willReturn(rateLimited(900)));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
            assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(900));
        });
    }

    @Test
    void discoverRaisesMalformedWithAReadableMessageForBrokenJson() {
        server.stubFor(api(REPOSITORIES).willReturn(okJson("{\"count\":1,\"value\":[{\"name\":")));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
            assertThat(e.getMessage()).isEqualTo("localhost answered the repository list with malformed JSON");
        });
    }

    @Test
    void discoverRaisesMalformedForAnAnswerWithoutValue() {
        server.stubFor(api(REPOSITORIES).willReturn(okJson("{\"count\":1}")));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED);
            assertThat(e.getMessage()).isEqualTo("localhost answered the repository list without a value array");
        });
    }

    @Test
    void discoverStopsAtAContinuationTokenGivenTwice() {
        server.stubFor(api(REPOSITORIES).willReturn(page(List.of(repository("alpha", "Web", "private")), "same")));

        assertThatThrownBy(() -> azure.discover(account)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED));
    }

    // identities, contributions, git

    @Test
    void verifiedEmailsIsTheSignInAddressOfTheTokensUser() throws ProviderException {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson(connectionData("Jamal Hartnett", "jamal@fabrikam.com"))));

        assertThat(azure.verifiedEmails(account)).containsExactly("jamal@fabrikam.com");
    }

    @Test
    void verifiedEmailsIsEmptyWhenAzureGivesNoAddress() throws ProviderException {
        server.stubFor(api(CONNECTION_DATA).willReturn(okJson(connectionData("Build Service", null))));

        assertThat(azure.verifiedEmails(account)).isEmpty();
    }

    @Test
    void contributionsAreEmptyWithoutAskingAzure() throws ProviderException {
        assertThat(azure.contributions(account)).isEmpty();
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void gitUsernameIsTheAccountsUserNameOrAnyNonEmptyName() {
        ProviderAccount named = new ProviderAccount(ProviderKind.AZURE_DEVOPS, account.baseUrl(), "jamal", PAT);

        assertThat(azure.gitUsername(named)).isEqualTo("jamal");
        assertThat(azure.gitUsername(account)).isEqualTo("pat");
    }

    // Azure's documented shapes

    private static MappingBuilder api(String path) {
        return get(urlPathEqualTo(path)).withQueryParam("api-version", equalTo("7.1"));
    }

    private static String connectionData(String name, String email) {
        String properties = email == null ? "{}"
                : "{\"Account\":{\"$type\":\"System.String\",\"$value\":\"" + email + "\"}}";
        String user = """
                {"id":"8e6b7d1a-53a0-4f3e-9d2b-4c2d1f0a7b11",
                 "descriptor":
                  "Microsoft.IdentityModel.Claims.ClaimsIdentity;72f988bf-86f1-41af-91ab-2d7cd011db47\\\\%s",
                 "subjectDescriptor":"aad.OGU2YjdkMWEtNTNhMC03ZjNlLTlkMmItNGMyZDFmMGE3YjEx",
                 "providerDisplayName":"%s","isActive":true,"properties":%s,"resourceVersion":2,"metaTypeId":0}"""
                .formatted(email == null ? "build" : email, name, properties);
        return """
                {"authenticatedUser":%s,"authorizedUser":%s,
                 "instanceId":"3a9b2c1d-0e4f-4a5b-9c8d-7e6f5a4b3c2d",
                 "deploymentId":"5b4c3d2e-1f0a-4b9c-8d7e-6f5a4b3c2d1e",
                 "deploymentType":"hosted","locationServiceData":{"serviceOwner":"00025394-6065-48ca-87d9-7f5672854ef7",
                 "defaultAccessMappingMoniker":"PublicAccessMapping","lastChangeId":13,"lastChangeId64":13}}"""
                .formatted(user, user);
    }

    private static String repository(String name, String project, String visibility) {
        String p = project.replace(" ", "%20");
        String n = name.replace(" ", "%20");
        return """
                {"id":"5febef5a-833d-4e14-b9c0-14cb638f91e6","name":"%s",
                 "url":"https://dev.azure.com/fabrikam/_apis/git/repositories/5febef5a-833d-4e14-b9c0-14cb638f91e6",
                 "project":{"id":"6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c","name":"%s",
                  "url":"https://dev.azure.com/fabrikam/_apis/projects/6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c",
                  "state":"wellFormed","revision":411518573,"visibility":"%s",
                  "lastUpdateTime":"2026-02-20T08:30:00.000Z"},
                 "defaultBranch":"refs/heads/main","size":728,
                 "remoteUrl":"https://fabrikam@dev.azure.com/fabrikam/%s/_git/%s",
                 "sshUrl":"git@ssh.dev.azure.com:v3/fabrikam/%s/%s",
                 "webUrl":"https://dev.azure.com/fabrikam/%s/_git/%s",
                 "isDisabled":false,"isInMaintenance":false}"""
                .formatted(name, project, visibility, p, n, p, n, p, n);
    }

    private static ResponseDefinitionBuilder page(List<String> repositories, String continuationToken) {
        ResponseDefinitionBuilder r = okJson("{\"count\":" + repositories.size() + ",\"value\":["
                + String.join(",", repositories) + "]}");
        return continuationToken == null ? r : r.withHeader("x-ms-continuationtoken", continuationToken);
    }

    private static ResponseDefinitionBuilder azureError(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("""
                        {"$id":"1","innerException":null,"message":"%s",
                         "typeName":"Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistWithNameException,
                          Microsoft.TeamFoundation.Core.WebApi","typeKey":"ProjectDoesNotExistWithNameException",
                         "errorCode":0,"eventId":3000}""".formatted(message).replace("\n", ""));
    }

    /** What Azure answers a token it does not know: 203 and its HTML sign-in page. */
    private static ResponseDefinitionBuilder signInPage() {
        return aResponse().withStatus(203).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head>"
                        + "<body><div id=\"signin\">Sign in to your account</div></body></html>");
    }

    /** Azure's throttling answer: 429 with Retry-After and its X-RateLimit-* headers. */
    private static ResponseDefinitionBuilder rateLimited(int seconds) {
        return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(seconds))
                .withHeader("X-RateLimit-Resource", "Core").withHeader("X-RateLimit-Delay", "4.2")
                .withHeader("X-RateLimit-Limit", "200").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + seconds))
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"$id\":\"1\",\"message\":\"TF400733: The request has been canceled: Request was blocked"
                        + " due to exceeding usage of resource 'Core' in namespace 'User'.\"}");
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
