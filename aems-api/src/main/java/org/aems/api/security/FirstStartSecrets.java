package org.aems.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * No default secrets (issue #7): on the first start, when no administrator exists, creates the user {@code admin}
 * with a generated password and writes the password to a file only the process's user can read; the log says
 * where, never the password itself. Likewise issues the deployment's own machine clients
 * ({@code aems.security.bootstrap-clients}), once each.
 */
@Component
class FirstStartSecrets implements ApplicationRunner {

    static final String ORGANISATION = "operator";
    private static final Logger log = LoggerFactory.getLogger(FirstStartSecrets.class);

    private final UserStore users;
    private final ApiClientStore clients;
    private final OrganisationStore organisations;
    private final SecuritySettings settings;

    FirstStartSecrets(UserStore users, ApiClientStore clients, OrganisationStore organisations, SecuritySettings settings) {
        this.users = users;
        this.clients = clients;
        this.organisations = organisations;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        organisations.ensure(ORGANISATION, "Platform operator (運用事業者)", "first-start");
        createAdministrator();
        settings.bootstrapClients().forEach(this::createClient);
    }

    /** A deployment's own machine client, issued once; its key goes where the deployment's other parts read it. */
    private void createClient(SecuritySettings.BootstrapClient wanted) {
        if (clients.byName(wanted.name()).isPresent()) {
            return;
        }
        Path file = settings.secretsDir().resolve(wanted.name() + ".key").toAbsolutePath().normalize();
        try {
            ApiClientStore.IssuedKey issued = clients.issue(wanted.name(), ORGANISATION, Role.parse(wanted.roles()), "first-start");
            // Group-readable: the deployment shares it with its importer and scraper through the group (docker-compose).
            write(file, issued.apiKey() + "\n", "rw-r-----");
            log.info("Issued API key of '{}' ({}) to {}", wanted.name(), wanted.roles(), file);
        } catch (SecurityRequestException lostRace) {
            log.info("Another instance issued the key of '{}' at the same time", wanted.name());
        }
    }

    private void createAdministrator() {
        if (users.anyAdmin()) {
            return;
        }
        // The password is on disk before the user exists, so a failed write cannot leave an admin nobody can use;
        // if another instance starting at the same time wins, ours is discarded.
        String password = UserStore.generatePassword();
        Path file = settings.secretsDir().resolve("initial-admin-password").toAbsolutePath().normalize();
        Path pending = file.resolveSibling("initial-admin-password.pending");
        write(pending, password + "\n", "rw-------");
        try {
            // ADMIN to set the platform up, OPERATOR to see it work; dispatching and billing are granted deliberately.
            users.create("admin", ORGANISATION, EnumSet.of(Role.ADMIN, Role.OPERATOR), "first-start", password);
        } catch (SecurityRequestException lostRace) {
            delete(pending);
            log.info("Another instance created the initial administrator at the same time");
            return;
        }
        move(pending, file);
        log.warn("First start: created user 'admin' (roles ADMIN, OPERATOR). Its password is in {} (readable only by this user)."
                + " Sign in at /login, create named users and API clients under /api/v1/admin, then delete the file.", file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the initial administrator's password to " + to, e);
        }
    }

    private static void write(Path file, String content, String permissions) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
            Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial administrator's password to " + file
                    + "; set aems.security.secrets-dir to a writable directory", e);
        }
    }
}
