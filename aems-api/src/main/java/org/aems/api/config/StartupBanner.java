package org.aems.api.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just started AEMS where to look. */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        java.nio.file.Path secret = java.nio.file.Path.of(env.getProperty("aems.security.secrets-dir", "data/secrets"))
                .resolve("initial-admin-password").toAbsolutePath().normalize();
        String signIn = base + "/login" + (java.nio.file.Files.exists(secret)
                ? "  (user admin, password in " + secret + ")" : "");
        log.info("""

                ==================================================================
                  AEMS is running:      {}/
                  Sign in:              {}
                  API (OpenAPI UI):     {}/swagger-ui.html
                  Sites:                {}/api/v1/sites
                  Health / metrics:     {}/actuator/health  {}/actuator/prometheus
                  MQTT for gateways:    {}
                  Stop with Ctrl-C.
                ==================================================================""",
                base, signIn, base, base, base, base, env.getProperty("aems.ingest.mqtt.url", "(ingest disabled)"));
    }
}
