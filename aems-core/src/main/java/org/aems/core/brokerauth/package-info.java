/**
 * Who may do what on the MQTT broker (issue #7), as one model that every broker is configured from.
 *
 * <p>{@link org.aems.core.brokerauth.BrokerAcl} lists the topic rules of each
 * {@link org.aems.core.brokerauth.BrokerIdentity}: a site's gateway publishes only on its own site's upstream topics
 * and subscribes only to its own {@code commands}; the service identities (ingest, dispatcher, simulator) have the
 * region-wide rules their jobs need. Renderers turn the same rules into Mosquitto's password and ACL files, its
 * dynamic-security plugin and the embedded broker's checks. {@link org.aems.core.brokerauth.PasswordHash} is the one
 * stored form of a password: Mosquitto's {@code $7$} PBKDF2-SHA512, which Mosquitto reads and Java verifies.
 */
package org.aems.core.brokerauth;
