package org.aems.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The single AEMS deployable: API, plus ingest, optimizer and simulator roles switched by configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AemsApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(AemsApplication.class);
        app.setRegisterShutdownHook(true);
        app.run(args);
    }
}
