package org.aems.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN's side of issue #7: organisations, people, machine clients and the audit log. Secrets (a new user's
 * password, a client's API key) appear in the response that creates them and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "Organisations, users, API clients and the audit log (ADMIN)")
class AdminController {

    record OrganisationRequest(String id, String name) {
    }

    record AccountRequest(String name, String organisation, List<String> roles) {
    }

    record AuditPage(List<AuditLog.Event> events, String next) {
    }

    record OwnerRequest(String organisation) {
    }

    record ConsentRequest(String organisation, String purpose, String evidence) {
    }

    private final OrganisationStore organisations;
    private final UserStore users;
    private final ApiClientStore clients;
    private final AuditLog audit;
    private final SiteScope scope;

    AdminController(OrganisationStore organisations, UserStore users, ApiClientStore clients, AuditLog audit, SiteScope scope) {
        this.organisations = organisations;
        this.users = users;
        this.clients = clients;
        this.audit = audit;
        this.scope = scope;
    }

    @GetMapping("/sites/{siteId}/owner")
    @Operation(summary = "The organisation whose data this site's is (the platform operator unless set)")
    SiteScope.Owner owner(@PathVariable String siteId) {
        return scope.owner(siteId);
    }

    @PutMapping("/sites/{siteId}/owner")
    @Operation(summary = "Set the organisation that owns this site's data")
    SiteScope.Owner setOwner(@PathVariable String siteId, @RequestBody OwnerRequest request, java.security.Principal who) {
        return scope.setOwner(siteId, request.organisation(), who.getName());
    }

    @GetMapping("/sites/{siteId}/consents")
    @Operation(summary = "Consents to read this site's data, standing and revoked")
    List<SiteScope.Consent> consents(@PathVariable String siteId) {
        return scope.consents(siteId);
    }

    @PostMapping("/sites/{siteId}/consents")
    @Operation(summary = "Record the site's consent that another organisation reads its data (purpose and evidence required)")
    ResponseEntity<SiteScope.Consent> recordConsent(@PathVariable String siteId, @RequestBody ConsentRequest request,
                                                    java.security.Principal who) {
        SiteScope.Consent consent = scope.recordConsent(siteId, request.organisation(), request.purpose(), request.evidence(), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/sites/" + siteId + "/consents")).body(consent);
    }

    @DeleteMapping("/sites/{siteId}/consents/{consentId}")
    @Operation(summary = "Revoke a consent: the organisation's next read is refused")
    SiteScope.Consent revokeConsent(@PathVariable String siteId, @PathVariable long consentId, java.security.Principal who) {
        return scope.revokeConsent(siteId, consentId, who.getName());
    }

    @PostMapping("/organisations")
    @Operation(summary = "Create an organisation (the city, the retailer, the transmission operator…)")
    ResponseEntity<OrganisationStore.Organisation> createOrganisation(@RequestBody OrganisationRequest request, java.security.Principal who) {
        OrganisationStore.Organisation created = organisations.create(request.id(), request.name(), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/organisations")).body(created);
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations")
    List<OrganisationStore.Organisation> organisations() {
        return organisations.list();
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user who signs in at /login; the response holds the initial password, shown only once")
    ResponseEntity<UserStore.CreatedUser> createUser(@RequestBody AccountRequest request, java.security.Principal who) {
        UserStore.CreatedUser created = users.create(request.name(), request.organisation(), roles(request), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + request.name())).body(created);
    }

    @GetMapping("/users")
    @Operation(summary = "Users (no passwords)")
    List<UserStore.User> users() {
        return users.list();
    }

    @DeleteMapping("/users/{username}")
    @Operation(summary = "Disable a user: refused from their next request on, open sessions included")
    UserStore.User disableUser(@PathVariable String username, java.security.Principal who) {
        return users.disable(username, who.getName());
    }

    @PostMapping("/api-clients")
    @Operation(summary = "Issue an API key for a machine client (billing system, scraper); the key is shown only once",
            description = "Send it as 'Authorization: Bearer aems_…'. 409 CLIENT_EXISTS if the name is taken.")
    ResponseEntity<ApiClientStore.IssuedKey> issueKey(@RequestBody AccountRequest request, java.security.Principal who) {
        ApiClientStore.IssuedKey issued = clients.issue(request.name(), request.organisation(), roles(request), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/api-clients/" + request.name())).body(issued);
    }

    @GetMapping("/api-clients")
    @Operation(summary = "API clients (key ids, never secrets)")
    List<ApiClientStore.ApiClient> apiClients() {
        return clients.list();
    }

    @DeleteMapping("/api-clients/{name}")
    @Operation(summary = "Revoke a client's key: refused from its next request on")
    ApiClientStore.ApiClient revoke(@PathVariable String name, java.security.Principal who) {
        return clients.revoke(name, who.getName());
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, oldest first; follow 'next' (a cursor) for newer events",
            description = "Filter by action (e.g. RUN_FINALISED, SITE_DATA_READ) or target (e.g. site:odw-000123).")
    AuditPage auditLog(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) String action,
                       @RequestParam(required = false) String target, @RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be 1..5000, was " + limit);
        }
        List<AuditLog.Event> events = audit.after(after, action, target, limit);
        String next = events.size() < limit ? null
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/api/v1/admin/audit")
                        .queryParam("after", events.get(events.size() - 1).id())
                        .queryParamIfPresent("action", java.util.Optional.ofNullable(action))
                        .queryParamIfPresent("target", java.util.Optional.ofNullable(target))
                        .queryParam("limit", limit).encode().toUriString();
        return new AuditPage(events, next);
    }

    private static java.util.Set<Role> roles(AccountRequest request) {
        if (request.roles() == null) {
            throw new SecurityRequestException(400, "NO_ROLES", "give 'roles', e.g. [\"BILLING\"]; roles are " + Role.names());
        }
        return Role.parse(request.roles());
    }
}
