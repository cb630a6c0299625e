package dev.commitstats.collection;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/<provider>/<hookId>}: push webhooks from GitHub, GitLab, Gitea, Bitbucket and Azure DevOps.
 * Public (the delivery proves itself with the user's secret). The body is read raw, at most the configured limit plus
 * one byte, whatever the content type says. Answers 202 (enqueued or ignored), 200 (ping, repeated delivery), 401 (not
 * signed with the user's secret), 400 (malformed or oversized), 404 (unknown provider), 503 when the server cannot
 * take it now (the host retries); never 500.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/{provider}/{hookId}")
    ResponseEntity<Map<String, Object>> deliver(@PathVariable String provider, @PathVariable String hookId,
            HttpServletRequest request) {
        return handle(provider, hookId, request);
    }

    @PostMapping("/webhooks/{provider}")
    ResponseEntity<Map<String, Object>> deliverWithoutHook(@PathVariable String provider,
            HttpServletRequest request) {
        return handle(provider, null, request);
    }

    private ResponseEntity<Map<String, Object>> handle(String provider, String hookId, HttpServletRequest request) {
        try {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, webhooks.maxBody() + 1));
            }
            Webhooks.Delivery d = webhooks.receive(provider, hookId, request::getHeader, body);
            return ResponseEntity.status(d.result().status).body(Map.of("result", d.result().id(), "message",
                    d.message(), "repositories", d.repositories()));
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Map.of("result", "malformed", "message",
                    "the body could not be read", "repositories", List.of()));
        } catch (RuntimeException e) {
            log.warn("webhook delivery to {} not handled: {}", provider, e.toString());
            return ResponseEntity.status(503).body(Map.of("result", "unavailable", "message",
                    "the server cannot take the delivery now; the host may redeliver it", "repositories", List.of()));
        }
    }
}
