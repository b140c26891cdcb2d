package org.aems.ingest.brokerauth;

import java.util.Base64;
import java.util.List;
import org.aems.core.brokerauth.Access;
import org.aems.core.brokerauth.BrokerAcl;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.brokerauth.TopicRule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model in the dynamic-security plugin's terms: one role per account holding its rules, and the plugin's initial
 * JSON file (Mosquitto 2.0's {@code plugin_opt_config_file}) with every active account, its stored hash (the plugin
 * keeps PBKDF2-SHA512 as {@code iterations}, {@code salt}, {@code password}: the same values as $7$) and the admin
 * account that manages the plugin over {@code $CONTROL/dynamic-security/v1}.
 */
public final class DynamicSecurityJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Any shared-subscription group: the model judges a shared subscription by its filter alone. */
    static final String SHARED_ANY_GROUP = "$share/+/";

    private DynamicSecurityJson() {
    }

    /** The role holding {@code identity}'s rules. */
    public static String roleName(BrokerIdentity identity) {
        return "acl:" + identity.username();
    }

    /** The plugin's ACL entries for {@code identity}: what it may send, subscribe to and receive. */
    public static ArrayNode acls(BrokerIdentity identity) {
        ArrayNode acls = JSON.createArrayNode();
        for (TopicRule rule : BrokerAcl.rulesFor(identity)) {
            if (rule.access() == Access.PUBLISH) {
                acls.add(acl("publishClientSend", rule.filter()));
            } else {
                // subscribePattern: the requested filter must fall within the rule, wildcards included. Mosquitto 2.0.11
                // checks a shared subscription with its $share/<group>/ prefix (DynamicSecurityIT), so that form too.
                acls.add(acl("subscribePattern", rule.filter()));
                acls.add(acl("subscribePattern", SHARED_ANY_GROUP + rule.filter()));
                acls.add(acl("publishClientReceive", rule.filter()));
            }
        }
        return acls;
    }

    /** An initial {@code dynamic-security.json}: the admin, and every active account with its role. */
    public static String initialConfig(String adminUsername, PasswordHash adminPassword, List<BrokerCredential> accounts) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode clients = root.putArray("clients");
        ArrayNode roles = root.putArray("roles");
        clients.add(client(adminUsername, adminPassword, "admin"));
        ObjectNode admin = roles.addObject().put("rolename", "admin");
        ArrayNode adminAcls = admin.putArray("acls");
        for (String type : List.of("publishClientSend", "publishClientReceive", "subscribePattern", "unsubscribePattern")) {
            adminAcls.add(acl(type, "$CONTROL/dynamic-security/#"));
        }
        for (BrokerCredential account : accounts) {
            if (account.active()) {
                clients.add(client(account.username(), account.passwordHash(), roleName(account.identity())));
                roles.addObject().put("rolename", roleName(account.identity())).set("acls", acls(account.identity()));
            }
        }
        // The plugin's defaults, spelled out: nothing may be sent or subscribed unless a role allows it.
        root.putObject("defaultACLAccess").put("publishClientSend", false).put("publishClientReceive", true)
                .put("subscribe", false).put("unsubscribe", true);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode client(String username, PasswordHash hash, String role) {
        ObjectNode client = JSON.createObjectNode().put("username", username)
                .put("password", Base64.getEncoder().encodeToString(hash.hash()))
                .put("salt", Base64.getEncoder().encodeToString(hash.salt()))
                .put("iterations", hash.iterations());
        client.putArray("roles").addObject().put("rolename", role);
        return client;
    }

    static ObjectNode acl(String type, String topic) {
        return JSON.createObjectNode().put("acltype", type).put("topic", topic).put("allow", true);
    }
}
