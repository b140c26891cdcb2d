package org.aems.api.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aems.api.config.NotFoundException;
import org.aems.api.site.SiteNotFoundException;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.core.grid.SiteId;
import org.aems.ingest.brokerauth.BrokerAccounts;
import org.aems.ingest.brokerauth.DynamicSecurityClient;
import org.aems.ingest.brokerauth.DynamicSecurityJson;
import org.aems.ingest.brokerauth.DynamicSecuritySettings;
import org.aems.ingest.brokerauth.IssueResult;
import org.aems.ingest.brokerauth.MosquittoFiles;
import org.aems.ingest.brokerauth.RunningBroker;
import org.aems.ingest.registry.RegistryStore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gateway identity on MQTT (#7, docs/security.md): issue, rotate and revoke broker credentials, and render Mosquitto's
 * configuration from them. An administrator's job: everything under {@code /api/v1/admin/} is for the ADMIN role.
 */
@RestController
@RequestMapping("/api/v1/admin/gateways")
class GatewayController {

    private final BrokerAccounts accounts;
    private final RegistryStore registry;
    private final RunningBroker broker;

    GatewayController(BrokerAccounts accounts, RegistryStore registry, RunningBroker broker) {
        this.accounts = accounts;
        this.registry = registry;
        this.broker = broker;
    }

    @GetMapping
    @Operation(summary = "List broker accounts", description = "Every gateway and service account, revoked ones included, "
            + "by username. No passwords and no hashes.")
    List<AccountView> list() {
        return accounts.store().all().stream().map(AccountView::of).toList();
    }

    @PostMapping("/{siteId}/credentials")
    @Operation(summary = "Issue or rotate a gateway's credential",
            description = "Creates the site's MQTT account (201), or rotates it if active (200): the old password stops "
                    + "working and a gateway connected with it is disconnected. The response carries the new password once; "
                    + "AEMS keeps only its hash. The site must be registered (404 SITE_NOT_FOUND). With the dynamic-security "
                    + "plugin configured the broker applies it at once, else 503 BROKER_UNAVAILABLE and nothing changes; "
                    + "without it, install the re-rendered files.")
    ResponseEntity<IssuedCredentialView> issue(@Parameter(description = "the site id, which is also the MQTT username")
                                               @PathVariable String siteId, Principal principal) {
        SiteId site = SiteId.of(siteId);
        if (!registry.exists(site)) {
            throw new SiteNotFoundException(siteId);
        }
        return issued(accounts.issue(new BrokerIdentity.Gateway(site), actor(principal)));
    }

    @DeleteMapping("/{siteId}/credentials")
    @Operation(summary = "Revoke a gateway's credential",
            description = "The password stops working; with the dynamic-security plugin a connected gateway is disconnected at "
                    + "once. 404 CREDENTIAL_NOT_FOUND if the site has no active credential. Issue again to re-admit it.")
    AccountView revoke(@PathVariable String siteId, Principal principal) {
        return revoke(new BrokerIdentity.Gateway(SiteId.of(siteId)), principal);
    }

    @PostMapping("/services/{service}/credentials")
    @Operation(summary = "Issue or rotate a service's credential",
            description = "The platform's own MQTT accounts: ingest, dispatcher, simulator (aems-ingest, aems-dispatcher, "
                    + "aems-simulator). Like a gateway's: 201 issued, 200 rotated, the password shown once.")
    ResponseEntity<IssuedCredentialView> issueService(@Parameter(description = "ingest, dispatcher or simulator")
                                                      @PathVariable String service, Principal principal) {
        return issued(accounts.issue(new BrokerIdentity.Service(service(service)), actor(principal)));
    }

    @DeleteMapping("/services/{service}/credentials")
    @Operation(summary = "Revoke a service's credential")
    AccountView revokeService(@PathVariable String service, Principal principal) {
        return revoke(new BrokerIdentity.Service(service(service)), principal);
    }

    @GetMapping(path = "/mosquitto/passwd", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Mosquitto password file", description = "username:$7$… per active account (hashes only), for "
            + "Mosquitto's password_file. Mosquitto reads it at start and on SIGHUP.")
    String passwordFile() {
        return MosquittoFiles.passwordFile(accounts.store().active());
    }

    @GetMapping(path = "/mosquitto/acl", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Mosquitto ACL file", description = "One user block per active account, for Mosquitto's acl_file.")
    String aclFile() {
        return MosquittoFiles.aclFile(accounts.store().active());
    }

    @GetMapping(path = "/mosquitto/dynamic-security.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Initial configuration of Mosquitto's dynamic-security plugin",
            description = "Every active account with its stored hash and role, and the plugin's admin account from "
                    + "aems.ingest.broker-auth.dynamic-security: to set up a new broker, or rebuild one that lost its file. "
                    + "409 DYNAMIC_SECURITY_NOT_CONFIGURED without those settings.")
    ResponseEntity<String> dynamicSecurity() {
        if (!(broker instanceof DynamicSecurityClient client)) {
            throw new DynamicSecurityNotConfiguredException();
        }
        DynamicSecuritySettings settings = client.settings();
        String json = DynamicSecurityJson.initialConfig(settings.username(), PasswordHash.create(settings.password(), new SecureRandom()),
                accounts.store().active());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(json);
    }

    private AccountView revoke(BrokerIdentity identity, Principal principal) {
        return accounts.revoke(identity, actor(principal)).map(AccountView::of)
                .orElseThrow(() -> new NotFoundException("CREDENTIAL_NOT_FOUND", "'" + identity.username()
                        + "' has no active broker credential; list them with GET /api/v1/admin/gateways"));
    }

    private static ResponseEntity<IssuedCredentialView> issued(IssueResult result) {
        // no-store: the password must not stay in a proxy's or browser's cache.
        return ResponseEntity.status(result.rotated() ? HttpStatus.OK : HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(IssuedCredentialView.of(result));
    }

    private static ServiceRole service(String name) {
        try {
            return ServiceRole.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("service must be one of " + Arrays.stream(ServiceRole.values())
                    .map(r -> r.name().toLowerCase(Locale.ROOT)).toList() + ", was '" + name + "'");
        }
    }

    /** Who did it, for the record; "anonymous" until API authentication is in place. */
    private static String actor(Principal principal) {
        return principal == null || principal.getName() == null ? "anonymous" : principal.getName();
    }
}
