package org.aems.api.gateway;

/** The dynamic-security JSON needs the plugin's admin account, which only its settings name. */
final class DynamicSecurityNotConfiguredException extends RuntimeException {

    DynamicSecurityNotConfiguredException() {
        super("aems.ingest.broker-auth.dynamic-security (url, username, password) is not set, so there is no admin account "
                + "to render; set it, or use the password and ACL files from /api/v1/admin/gateways/mosquitto/passwd and /acl");
    }
}
