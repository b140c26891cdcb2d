package org.aems.ingest.brokerauth;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;

/** A fresh, migrated database for the broker-auth tests, and the site ids they provision. */
final class BrokerAuthFixture implements AutoCloseable {

    final HikariDataSource dataSource;
    final BrokerCredentialStore store;
    final String prefix = "ba" + UUID.randomUUID().toString().substring(0, 6);

    BrokerAuthFixture() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(TestInfrastructure.freshDatabase());
        pool.setMaximumPoolSize(2);
        pool.setPoolName("broker-auth-it");
        dataSource = new HikariDataSource(pool);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new TimescaleDbMigration()).load().migrate();
        store = new BrokerCredentialStore(dataSource);
    }

    String site(String suffix) {
        return prefix + "-" + suffix;
    }

    static String telemetry(String site) {
        return "aems/v1/sites/" + site + "/telemetry";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
