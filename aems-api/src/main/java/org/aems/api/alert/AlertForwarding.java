package org.aems.api.alert;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.aems.api.cluster.OneInstanceAtATime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Forwards each new alert once to every channel (webhooks, e-mail). A channel that fails is tried again at the next
 * round, the ones that took it are not repeated; after {@value #ATTEMPTS} failed rounds the alert is given up on for
 * that channel (logged as an error, counted), so one dead webhook does not hold the others back for ever.
 */
@Component
class AlertForwarding {

    private static final Logger log = LoggerFactory.getLogger(AlertForwarding.class);
    static final int ATTEMPTS = 30;
    private static final int BATCH = 100;

    private final AlertStore store;
    private final List<AlertChannel> channels = new ArrayList<>();
    private final AlertSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<Long, Set<String>> delivered = new HashMap<>();
    private final Map<Long, Integer> failedRounds = new HashMap<>();
    private boolean storeFailing;
    private final OneInstanceAtATime exclusive;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-alert-forwarding");
        t.setDaemon(true);
        return t;
    });

    AlertForwarding(AlertStore store, AlertSettings settings, ObjectProvider<JavaMailSender> mail, Clock clock,
                    MeterRegistry metrics, DataSource dataSource) {
        this.store = store;
        this.exclusive = new OneInstanceAtATime(dataSource, "alert-forwarding");
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        settings.webhooks().forEach(url -> channels.add(new WebhookChannel(url)));
        if (!settings.mailTo().isEmpty()) {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("aems.alerts.mail-to is set but no mail server is: set spring.mail.host (and"
                        + " spring.mail.port, username, password) or remove aems.alerts.mail-to");
            }
            channels.add(new MailChannel(sender, settings.mailTo(), settings.mailFrom()));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (channels.isEmpty()) {
            log.info("alerts are not forwarded: set aems.alerts.webhooks and/or aems.alerts.mail-to (aems-api/README.md)");
            return;
        }
        log.info("forwarding new alerts every {} to {}", settings.forwardEvery(), channels.stream().map(AlertChannel::name).toList());
        long every = settings.forwardEvery().toMillis();
        timer.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * One round, on one instance of the cluster at a time: every alert not yet forwarded, to every channel that has not
     * taken it.
     */
    synchronized void round() {
        try {
            exclusive.run(this::forwardNew);
            if (storeFailing) {
                storeFailing = false;
                log.info("forwarding alerts again: the alert table answers");
            }
        } catch (RuntimeException e) {
            // Once per outage, not every round.
            if (!storeFailing) {
                storeFailing = true;
                log.warn("forwarding alerts failed, trying again every {}: {}", settings.forwardEvery(), e.getMessage());
            }
        }
    }

    private void forwardNew() {
        for (AlertView alert : store.unforwarded(BATCH)) {
            Set<String> done = delivered.computeIfAbsent(alert.id(), id -> new HashSet<>());
            boolean missing = false;
            for (AlertChannel channel : channels) {
                if (done.contains(channel.name())) {
                    continue;
                }
                try {
                    channel.send(alert);
                    done.add(channel.name());
                    count(channel, "delivered");
                } catch (Exception e) {
                    missing = true;
                    count(channel, "failed");
                    if (failedRounds.getOrDefault(alert.id(), 0) == 0) {
                        log.warn("alert {} ({}) not forwarded to {}, trying again every {}: {}", alert.id(), alert.kind(),
                                channel.name(), settings.forwardEvery(), e.getMessage());
                    }
                }
            }
            int rounds = missing ? failedRounds.merge(alert.id(), 1, Integer::sum) : 0;
            if (!missing || rounds >= ATTEMPTS) {
                if (missing) {
                    log.error("gave up forwarding alert {} ({}) after {} attempts; it reached only {}", alert.id(), alert.kind(),
                            rounds, done);
                    channels.stream().filter(c -> !done.contains(c.name())).forEach(c -> count(c, "abandoned"));
                }
                store.forwarded(alert.id(), clock.instant());
                delivered.remove(alert.id());
                failedRounds.remove(alert.id());
            }
        }
    }

    private void count(AlertChannel channel, String outcome) {
        metrics.counter("aems.alerts.forwarded", "channel", channel instanceof MailChannel ? "mail" : "webhook", "outcome", outcome)
                .increment();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
