package org.aems.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.aems.api.security.ApiClientStore;
import org.aems.api.security.OrganisationStore;
import org.aems.api.security.Role;
import org.springframework.context.ApplicationContext;

/**
 * API keys for the tests, issued through the application's own store on the app's (fresh) database, one per
 * client name and context. A name "roles-BILLING-OPERATOR" gets exactly those roles; any other name gets
 * every role.
 */
final class TestKeys {

    private static final Map<Object, TestKeys> BY_APP = new ConcurrentHashMap<>();
    /** The platform operator the first start creates: by default it owns every site's data. */
    static final String ORGANISATION = "operator";
    private static final String ROLES_PREFIX = "roles-";

    private final OrganisationStore organisations;
    private final ApiClientStore clients;
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    private TestKeys(OrganisationStore organisations, ApiClientStore clients) {
        this.organisations = organisations;
        this.clients = clients;
    }

    /** Keys of the app running in this test JVM. */
    static TestKeys of(ApplicationContext context) {
        return BY_APP.computeIfAbsent(context, c -> new TestKeys(context.getBean(OrganisationStore.class),
                context.getBean(ApiClientStore.class)));
    }

    /** Keys of an app running in another process, through the same stores on its (migrated) database. */
    static TestKeys ofDatabase(String jdbcUrl) {
        return BY_APP.computeIfAbsent(jdbcUrl, url -> {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(jdbcUrl);
            org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(ds);
            org.aems.api.security.AuditLog audit = new org.aems.api.security.AuditLog(jdbc, tools.jackson.databind.json.JsonMapper.builder().build());
            OrganisationStore organisations = new OrganisationStore(jdbc, audit);
            return new TestKeys(organisations, new ApiClientStore(jdbc, audit, organisations));
        });
    }

    static String nameFor(Role... roles) {
        return ROLES_PREFIX + Arrays.stream(roles).map(Role::name).sorted().collect(Collectors.joining("-"));
    }

    String keyFor(String name) {
        return keys.computeIfAbsent(name, this::issue);
    }

    private synchronized String issue(String name) {
        if (organisations.list().stream().noneMatch(o -> o.id().equals(ORGANISATION))) {
            organisations.create(ORGANISATION, "Test organisation", "test-setup");
        }
        try {
            return clients.issue(name, ORGANISATION, roles(name), "test-setup").apiKey();
        } catch (org.aems.api.security.SecurityRequestException exists) {
            // An app restarted on the same database (EmbeddedDefaultIT) keeps the clients of its first life, whose
            // secrets only that life's TestKeys knew.
            return clients.issue(name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8), ORGANISATION, roles(name),
                    "test-setup").apiKey();
        }
    }

    private static Set<Role> roles(String name) {
        return name.startsWith(ROLES_PREFIX)
                ? Role.parse(Arrays.asList(name.substring(ROLES_PREFIX.length()).split("-")))
                : EnumSet.allOf(Role.class);
    }
}
