package org.aems.api.alert;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where new alerts are forwarded (prefix {@code aems.alerts}). Each new alert goes once to every webhook (HTTP POST of
 * its JSON) and as one e-mail to {@code mailTo} (through Spring's mail settings, {@code spring.mail.host} ...).
 *
 * @param webhooks   URLs to POST each new alert to; none by default
 * @param mailTo     addresses to e-mail each new alert to; none by default
 * @param mailFrom   the sender; default aems@localhost
 * @param forwardEvery how often new alerts are looked for; default 10 s
 */
@ConfigurationProperties("aems.alerts")
public record AlertSettings(List<URI> webhooks, List<String> mailTo, String mailFrom, Duration forwardEvery) {
    public AlertSettings {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "aems@localhost" : mailFrom;
        forwardEvery = forwardEvery == null ? Duration.ofSeconds(10) : forwardEvery;
        for (URI hook : webhooks) {
            if (!"https".equals(hook.getScheme()) && !"http".equals(hook.getScheme())) {
                throw new IllegalArgumentException("aems.alerts.webhooks must be http(s) URLs, was " + hook);
            }
        }
        if (forwardEvery.isNegative() || forwardEvery.isZero()) {
            throw new IllegalArgumentException("aems.alerts.forward-every must be positive, was " + forwardEvery);
        }
    }
}
